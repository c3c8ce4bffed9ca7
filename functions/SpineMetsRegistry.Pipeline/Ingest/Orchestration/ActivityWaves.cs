namespace SpineMetsRegistry.Pipeline.Ingest.Orchestration;

/// <summary>
/// How a batch's many like activities run (its chunks, its schedule groups): in waves of
/// concurrent calls, so storage throughput stays in check, and for a large batch in segments,
/// one sub-orchestration each, so no instance's history (which every replay reads) grows with
/// the batch.
/// </summary>
public static class ActivityWaves
{
    /// <summary>The segments (first item, count) covering <paramref name="itemCount"/> items, each of at most <paramref name="perSegment"/>, in order.</summary>
    public static IEnumerable<(int First, int Count)> Split(int itemCount, int perSegment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSegment);
        for (var first = 0; first < itemCount; first += perSegment)
        {
            yield return (first, Math.Min(perSegment, itemCount - first));
        }
    }

    /// <summary>
    /// Calls <paramref name="call"/> for items <paramref name="first"/> to
    /// <paramref name="first"/> + <paramref name="count"/> - 1, <paramref name="waveSize"/> at a
    /// time, adds up their results, and tells <paramref name="afterWave"/> how many items are done
    /// after each wave. Deterministic, as an orchestration must be: the calls are made in item order.
    /// </summary>
    public static async Task<T> RunAsync<T>(int first, int count, int waveSize, Func<int, Task<T>> call, T zero, Func<T, T, T> add, Action<int>? afterWave = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(waveSize);
        var total = zero;
        for (var start = 0; start < count; start += waveSize)
        {
            var wave = Enumerable.Range(first + start, Math.Min(waveSize, count - start)).Select(call).ToList();
            foreach (var result in await Task.WhenAll(wave))
            {
                total = add(total, result);
            }

            afterWave?.Invoke(Math.Min(start + waveSize, count));
        }

        return total;
    }
}
