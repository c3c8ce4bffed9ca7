namespace SpineMetsRegistry.Pipeline.Workflows;

/// <summary>
/// Fan-out in bounded waves: at most <c>waveSize</c> activity calls are in flight, and each
/// wave completes before the next starts. Deterministic (order of calls and results is the
/// order of the items), so it is safe inside a replaying orchestration.
/// </summary>
public static class WorkflowFanOut
{
    /// <summary>Runs <paramref name="call"/> for every item, <paramref name="waveSize"/> at a time; results in item order.</summary>
    public static async Task<IReadOnlyList<TResult>> RunInWavesAsync<TItem, TResult>(IReadOnlyList<TItem> items, int waveSize, Func<TItem, Task<TResult>> call)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(waveSize);
        var results = new List<TResult>(items.Count);
        for (var start = 0; start < items.Count; start += waveSize)
        {
            var wave = items.Skip(start).Take(waveSize).Select(call).ToList();
            results.AddRange(await Task.WhenAll(wave));
        }

        return results;
    }
}
