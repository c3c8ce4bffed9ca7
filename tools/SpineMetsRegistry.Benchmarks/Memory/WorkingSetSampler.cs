using System.Diagnostics;

namespace SpineMetsRegistry.Benchmarks.Memory;

/// <summary>
/// Samples this process's working set on a timer and remembers the largest sample and when it
/// was taken, so the peak can be placed in a step of the ingest. The operating system's own peak
/// (<see cref="Process.PeakWorkingSet64"/>) stays the figure: a sample can fall just beside it.
/// It samples the managed heap too (live objects and garbage not yet collected), to tell the
/// registry's objects from the rest of the working set (the runtime, code, native buffers).
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly Lock _gate = new();
    private long _largest;
    private DateTimeOffset _largestAt;
    private long _largestHeap;

    public WorkingSetSampler(TimeSpan interval) => _sampling = SampleAsync(interval, _stop.Token);

    /// <summary>
    /// This process's working set after a full, compacting collection: where a measured step
    /// starts from, without the garbage of whatever set it up.
    /// </summary>
    public static long SettledWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>The largest working set sampled so far, and when.</summary>
    public (long Bytes, DateTimeOffset At) Largest
    {
        get
        {
            lock (_gate)
            {
                return (_largest, _largestAt);
            }
        }
    }

    /// <summary>The largest managed heap sampled so far (<see cref="GC.GetTotalMemory(bool)"/>, without collecting).</summary>
    public long LargestManagedHeap
    {
        get
        {
            lock (_gate)
            {
                return _largestHeap;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        using var process = Process.GetCurrentProcess();
        do
        {
            process.Refresh();
            var bytes = process.WorkingSet64;
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            lock (_gate)
            {
                _largestHeap = Math.Max(_largestHeap, heap);
                if (bytes > _largest)
                {
                    (_largest, _largestAt) = (bytes, DateTimeOffset.UtcNow);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}
