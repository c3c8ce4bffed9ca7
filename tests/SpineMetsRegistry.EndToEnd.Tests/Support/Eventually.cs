namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>Polling with a deadline, for what a background service does in its own time.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value!;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}; last seen: {value?.ToString() ?? "nothing"}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
