using System.Diagnostics;
using System.Globalization;
using DurableTask.Core.History;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Processes;

/// <summary>
/// The local registry as real processes sharing one task hub: a registry SIGKILLed at random
/// moments and restarted, extra <c>--worker</c> processes, a worker SIGKILLed mid-run, each
/// end state compared with a clean one-process run (registry tables and blobs, aggregates,
/// schedule and reports; instants normalised because processes run on the system clock, and
/// which batch last recomputed each aggregate because batches overlap, see
/// <see cref="StorageSnapshot.WithoutInstants"/> and <see cref="StorageSnapshot.WithoutAggregateSources"/>). The processes run with the test engine
/// settings (<see cref="TestEngine"/>), so a killed process's work is visible again within
/// seconds; each prints what it measured (kills survived, recovery times).
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class ProcessRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int BatchCount = 20;
    private const int KillCount = 24;
    private const int KillSeed = 20261204;

    // Generous for a shared 2-core machine; an idle one needs a fraction of it.
    private static readonly TimeSpan Completion = TimeSpan.FromMinutes(4);
    private static readonly IReadOnlyList<Batch> Uploads = ProcessRegistry.Batches(BatchCount, patients: 3);
    private static readonly SemaphoreSlim BaselineGate = new(1, 1);
    private static StorageSnapshot? _baseline;

    [Fact]
    public async Task Registry_SigkilledAtTwentyFourRandomMomentsDuringAMultiBatchUpload_EndsWithTheCleanRunsState()
    {
        var baseline = await BaselineAsync();
        using var registry = TestRegistry.Create("S01", "S02");
        using var run = new ProcessRegistry(azurite, registry);
        var random = new Random(KillSeed);
        // Every restart holds leases under the dead process's name, as a host restarted on its
        // machine does: it resumes the partitions at once instead of waiting for the leases.
        const string workerId = "e2e-restarted-registry";
        var recoveries = new List<double>();
        var starts = new List<double>();
        DateTimeOffset? killedAt = null;
        var clock = Stopwatch.StartNew();
        for (var kill = 1; kill <= KillCount; kill++)
        {
            var host = await run.StartRegistryAsync(workerId);
            starts.Add(host.StartTime.TotalSeconds);
            if (kill <= Uploads.Count)
            {
                await run.UploadAsync(Uploads[kill - 1]);
            }

            // A random moment: while the host runs, watch for the engine moving again after the last kill.
            var alive = TimeSpan.FromMilliseconds(random.Next(200, 2500));
            var recovered = await WatchProgressAsync(run, killedAt, alive);
            if (recovered is { } seconds)
            {
                recoveries.Add(seconds);
            }

            host.Kill();
            killedAt = DateTimeOffset.UtcNow;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kill {kill,2}: process {host.Id} SIGKILLed {alive.TotalSeconds:F2} s after it said it runs (start {host.StartTime.TotalSeconds:F1} s; engine moving again {(recovered is { } r ? $"{r:F1} s after the previous kill" : "not seen before this kill")})"));
        }

        var last = await run.StartRegistryAsync(workerId);
        var final = Stopwatch.StartNew();
        await run.WaitForCompletedAsync(Uploads, Completion);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{KillCount} SIGKILLs survived; process start median {Median(starts):F1} s; engine moving again after a kill: median {Median(recoveries):F1} s, max {(recoveries.Count > 0 ? recoveries.Max() : double.NaN):F1} s ({recoveries.Count} seen); after the last kill all {BatchCount} batches completed {final.Elapsed.TotalSeconds + last.StartTime.TotalSeconds:F1} s later; whole run {clock.Elapsed.TotalSeconds:F0} s"));

        StorageSnapshot.AssertEqual(baseline, (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants().WithoutAggregateSources(), $"After {KillCount} SIGKILLs");
    }

    [Fact]
    public async Task TwoWorkers_TwentyBatches_EachProcessedExactlyOnceAndTheEndStateEqualsOneWorkersRun()
    {
        var baseline = await BaselineAsync();
        using var registry = TestRegistry.Create("S01", "S02");
        using var run = new ProcessRegistry(azurite, registry);
        await run.StartRegistryAsync();
        await run.StartWorkerAsync();
        await BothOwnPartitionsAsync(run);

        var clock = Stopwatch.StartNew();
        foreach (var batch in Uploads)
        {
            await run.UploadAsync(batch);
        }

        await run.WaitForCompletedAsync(Uploads, Completion);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{BatchCount} batches with 2 processes: {clock.Elapsed.TotalSeconds:F1} s"));

        var history = await run.HistoryAsync();
        Assert.Equal(Uploads.Select(b => b.Key.InstanceId).Order(StringComparer.Ordinal), history.Keys.Where(k => k.StartsWith("ingest-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var (instance, events) in history)
        {
            // Exactly once: one execution, every activity scheduled once and completed once, none failed.
            Assert.Equal(1, events.Count(e => e == EventType.ExecutionStarted));
            Assert.Equal(events.Count(e => e == EventType.TaskScheduled), events.Count(e => e == EventType.TaskCompleted));
            Assert.DoesNotContain(EventType.TaskFailed, events);
            Assert.Equal(EventType.ExecutionCompleted, events.Last(e => e != EventType.OrchestratorCompleted));
        }

        StorageSnapshot.AssertEqual(baseline, (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants().WithoutAggregateSources(), "Two workers");
    }

    [Fact]
    public async Task TwoWorkers_OneSigkilledMidRun_TheOtherTakesItsPartitionsOverAndFinishesToTheOneWorkerState()
    {
        var baseline = await BaselineAsync();
        using var registry = TestRegistry.Create("S01", "S02");
        using var run = new ProcessRegistry(azurite, registry);
        await run.StartRegistryAsync();
        var worker = await run.StartWorkerAsync();
        await BothOwnPartitionsAsync(run);

        foreach (var batch in Uploads)
        {
            await run.UploadAsync(batch);
        }

        // Mid-run: as soon as the first batch has its records stored, every batch still has
        // steps ahead on both processes. (Waiting for the first to complete was too late once
        // ingest got faster: the twenty small batches completed within one poll of the ledger.)
        await Eventually.GetAsync(async () => await run.ReachedCountAsync(Uploads, BatchStatus.Stored) > 0 ? "one" : null, c => c is not null, Completion, "the first batch to be stored");
        worker.Kill();
        var clock = Stopwatch.StartNew();
        var unfinished = BatchCount - await run.CompletedCountAsync(Uploads);
        await run.WaitForCompletedAsync(Uploads, Completion);
        var finished = clock.Elapsed;
        // The survivor holds every partition once the dead worker's leases expired.
        await Eventually.GetAsync(async () => (await run.PartitionOwnersAsync()).Count == 1 ? "one" : null, o => o is not null, TimeSpan.FromSeconds(60), "one process to own every partition");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Worker {worker.Id} SIGKILLed with {unfinished} of {BatchCount} batches unfinished; the registry process finished them {finished.TotalSeconds:F1} s later and held every partition after {clock.Elapsed.TotalSeconds:F1} s (lease {TestEngine.Settings.LeaseInterval.TotalSeconds:F0} s, visibility {TestEngine.Settings.WorkItemQueueVisibilityTimeout.TotalSeconds:F0} s)"));

        Assert.True(unfinished > 0, "The worker was killed after every batch had completed: nothing was left to take over.");
        StorageSnapshot.AssertEqual(baseline, (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants().WithoutAggregateSources(), "After a worker was killed");
    }

    /// <summary>Watches the task hub for <paramref name="duration"/>; returns the seconds from the kill to the first engine update after it, if seen.</summary>
    private static async Task<double?> WatchProgressAsync(ProcessRegistry run, DateTimeOffset? killedAt, TimeSpan duration)
    {
        var until = DateTimeOffset.UtcNow + duration;
        while (DateTimeOffset.UtcNow < until)
        {
            if (killedAt is { } since && await run.LastEngineProgressAsync() is { } progress && progress > since)
            {
                var seconds = (DateTimeOffset.UtcNow - since).TotalSeconds;
                await Task.Delay(until - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
                return seconds;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static Task BothOwnPartitionsAsync(ProcessRegistry run) =>
        Eventually.GetAsync(async () => (await run.PartitionOwnersAsync()).Count == 2 ? "both" : null, o => o is not null, TimeSpan.FromSeconds(60), "both processes to own partitions");

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The clean run, once: one registry process, the same uploads, no kill.</summary>
    private async Task<StorageSnapshot> BaselineAsync()
    {
        await BaselineGate.WaitAsync();
        try
        {
            if (_baseline is null)
            {
                using var registry = TestRegistry.Create("S01", "S02");
                using var run = new ProcessRegistry(azurite, registry);
                await run.StartRegistryAsync();
                var clock = Stopwatch.StartNew();
                foreach (var batch in Uploads)
                {
                    await run.UploadAsync(batch);
                }

                await run.WaitForCompletedAsync(Uploads, Completion);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Clean run: {BatchCount} batches with 1 process: {clock.Elapsed.TotalSeconds:F1} s"));
                _baseline = (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants().WithoutAggregateSources();
            }

            return _baseline;
        }
        finally
        {
            BaselineGate.Release();
        }
    }
}
