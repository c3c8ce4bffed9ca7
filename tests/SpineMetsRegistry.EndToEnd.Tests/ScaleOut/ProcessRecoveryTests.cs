using DurableTask.Core.History;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The local registry as real processes sharing one task hub: extra <c>--worker</c> processes,
/// SIGKILLs at random moments, and the end state compared with a clean one-process run
/// (registry tables and blobs, aggregates, schedule and reports; instants normalised because
/// processes run on the system clock, see <see cref="StorageSnapshot.WithoutInstants"/>).
/// </summary>
[Collection(EndToEndCollections.Recovery)]
public sealed class ProcessRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int BatchCount = 20;
    // Generous: about a minute on an idle 2-core machine, many more when it is shared.
    private static readonly TimeSpan Completion = TimeSpan.FromMinutes(10);
    private static readonly IReadOnlyList<Batch> Uploads = ProcessRegistry.Batches(BatchCount, patients: 3);
    private static readonly SemaphoreSlim BaselineGate = new(1, 1);
    private static StorageSnapshot? _baseline;

    [Fact]
    public async Task TwoWorkers_TwentyBatches_EachProcessedExactlyOnceAndTheEndStateEqualsOneWorkersRun()
    {
        var baseline = await BaselineAsync();
        using var registry = TestRegistry.Create("S01", "S02");
        using var run = new ProcessRegistry(azurite, registry);
        await run.StartRegistryAsync();
        await run.StartWorkerAsync();

        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in Uploads)
        {
            await run.UploadAsync(batch);
            owners.UnionWith(await run.PartitionOwnersAsync());
        }

        await run.WaitForCompletedAsync(Uploads, Completion);

        Assert.Equal(2, owners.Count);
        var history = await run.HistoryAsync();
        Assert.Equal(Uploads.Select(b => b.Key.InstanceId).Order(StringComparer.Ordinal), history.Keys.Where(k => k.StartsWith("ingest-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var (instance, events) in history)
        {
            // Exactly once: one execution, every activity scheduled once and completed once, none failed.
            Assert.Equal(1, events.Count(e => e == EventType.ExecutionStarted));
            Assert.Equal(events.Count(e => e == EventType.TaskScheduled), events.Count(e => e == EventType.TaskCompleted));
            Assert.DoesNotContain(EventType.TaskFailed, events);
            Assert.Equal(EventType.ExecutionCompleted, events.Last(e => e != EventType.OrchestratorCompleted));
            output.WriteLine($"{instance}: {events.Count} history events");
        }

        StorageSnapshot.AssertEqual(baseline, (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants(), "Two workers");
    }

    [Fact]
    public async Task TwoWorkers_OneSigkilledMidRun_TheOtherTakesItsPartitionsOverAndFinishesToTheOneWorkerState()
    {
        var baseline = await BaselineAsync();
        using var registry = TestRegistry.Create("S01", "S02");
        using var run = new ProcessRegistry(azurite, registry);
        await run.StartRegistryAsync();
        var worker = await run.StartWorkerAsync();
        await Eventually.GetAsync(async () => (await run.PartitionOwnersAsync()).Count == 2 ? "both" : null, o => o is not null, TimeSpan.FromSeconds(60), "both processes to own partitions");

        foreach (var batch in Uploads)
        {
            await run.UploadAsync(batch);
        }

        await run.WaitForCompletedAsync(Uploads.Take(2), Completion);
        worker.Kill();
        output.WriteLine($"Worker {worker.Id} SIGKILLed");

        await run.WaitForCompletedAsync(Uploads, Completion);
        Assert.Single(await run.PartitionOwnersAsync());
        StorageSnapshot.AssertEqual(baseline, (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants(), "After a worker was killed");
    }

    [Fact]
    public async Task Registry_SigkilledAtTwentyRandomMomentsDuringAMultiBatchUpload_EndsWithTheCleanRunsState()
    {
        var baseline = await BaselineAsync();
        using var registry = TestRegistry.Create("S01", "S02");
        using var run = new ProcessRegistry(azurite, registry);
        var random = new Random(20261204);
        var kills = 0;
        foreach (var batch in Uploads)
        {
            var host = await run.StartRegistryAsync();
            await run.UploadAsync(batch);
            var delay = TimeSpan.FromMilliseconds(random.Next(300, 3000));
            await Task.Delay(delay);
            host.Kill();
            kills++;
            output.WriteLine($"kill {kills}: process {host.Id} after {delay.TotalMilliseconds:F0} ms");
        }

        await run.StartRegistryAsync();
        await run.WaitForCompletedAsync(Uploads, Completion);

        Assert.True(kills >= 20);
        StorageSnapshot.AssertEqual(baseline, (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants(), $"After {kills} SIGKILLs");
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
                foreach (var batch in Uploads)
                {
                    await run.UploadAsync(batch);
                }

                await run.WaitForCompletedAsync(Uploads, Completion);
                _baseline = (await StorageSnapshot.ReadAsync(run.Storage)).WithoutInstants();
            }

            return _baseline;
        }
        finally
        {
            BaselineGate.Release();
        }
    }
}
