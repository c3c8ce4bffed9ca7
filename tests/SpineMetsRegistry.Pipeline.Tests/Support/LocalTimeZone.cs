namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>
/// Runs a test with the process's local time zone set (TZ, read by .NET on Unix), restoring
/// it afterwards. Tests using it share a collection that never runs in parallel with others.
/// </summary>
internal sealed class LocalTimeZone : IDisposable
{
    public const string Collection = "Local time zone";

    private readonly string? _previous;

    private LocalTimeZone(string? previous) => _previous = previous;

    public static LocalTimeZone Set(string zoneId)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zoneId);
        TimeZoneInfo.ClearCachedData();
        if (TimeZoneInfo.Local.BaseUtcOffset == TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Could not switch the local time zone to {zoneId}.");
        }

        return new LocalTimeZone(previous);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previous);
        TimeZoneInfo.ClearCachedData();
    }
}

[CollectionDefinition(LocalTimeZone.Collection, DisableParallelization = true)]
public sealed class LocalTimeZoneCollection;
