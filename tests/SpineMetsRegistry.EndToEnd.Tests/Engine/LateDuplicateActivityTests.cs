using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Engine;

/// <summary>
/// The engine delivers activities at least once: a re-delivered message (its visibility
/// timeout passed while the first execution still ran, or a killed host's) can run an
/// activity again after the orchestration completed. Such a late duplicate, with the very
/// input the orchestration gave the first execution, must change nothing a completed batch
/// left: not its ledger entry, its staging, its records, aggregates or schedule.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class LateDuplicateActivityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryActivity_RunAgainAfterTheBatchCompleted_LeavesEveryTableAndBlobAsTheyWere()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        var (host, storage, batch, entry) = await CompletedBatchAsync(registry);
        await using var _ = host;
        var before = await StorageSnapshot.ReadAsync(storage);
        var activities = host.Get<IngestActivities>();
        var at = PipelineHost.Now;

        await activities.Validate.RunAsync(new BatchStep(batch.Site, entry.BatchKey, at));
        await activities.StoreChunk.RunAsync(new ChunkStep(batch.Site, entry.BatchKey, 0, at));
        await activities.RecordStored.RunAsync(new StoredStep(batch.Site, entry.BatchKey, entry.Stored!, at));
        await activities.Aggregate.RunAsync(new BatchStep(batch.Site, entry.BatchKey, at));
        Assert.Equal(SchedulePlan.Nothing, await activities.PlanSchedule.RunAsync(new BatchStep(batch.Site, entry.BatchKey, at)));
        Assert.Equal(0, await activities.ScheduleGroup.RunAsync(new ScheduleGroupStep(batch.Site, entry.BatchKey, 0, at)));
        await activities.RecordScheduled.RunAsync(new ScheduledStep(batch.Site, entry.BatchKey, 3, 12, at));
        await activities.Complete.RunAsync(new StoredStep(batch.Site, entry.BatchKey, entry.Stored!, at));
        await activities.RecordFailure.RunAsync(new FailureStep(batch.Site, entry.BatchKey, "StoreChunk failed after 5 attempts (a late duplicate)", at.AddMinutes(5)));

        StorageSnapshot.AssertEqual(before, await StorageSnapshot.ReadAsync(storage), "After late duplicates of every activity");
        Assert.Equal(BatchStatus.Completed, (await host.Get<IBatchLedger>().GetAsync(batch.Site, entry.BatchKey))?.Status);
    }

    [Fact]
    public async Task LedgerWritingActivities_DuplicateThatReadTheLedgerBeforeCompletion_DoesNotTurnTheEntryBack()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        var (host, storage, batch, entry) = await CompletedBatchAsync(registry);
        await using var _ = host;
        var before = await StorageSnapshot.ReadAsync(storage);
        // What a duplicate execution read while the batch was still being scheduled, before
        // the first execution's result let the orchestration complete it.
        var stale = new StaleLedger(host.Get<IBatchLedger>(), entry with { Status = BatchStatus.Scheduled });
        var at = PipelineHost.Now;

        await ActivatorUtilities.CreateInstance<RecordStoredActivity>(host.Services, stale).RunAsync(new StoredStep(batch.Site, entry.BatchKey, entry.Stored!, at));
        await ActivatorUtilities.CreateInstance<AggregateActivity>(host.Services, stale).RunAsync(new BatchStep(batch.Site, entry.BatchKey, at));
        Assert.Equal(SchedulePlan.Nothing, await ActivatorUtilities.CreateInstance<PlanScheduleActivity>(host.Services, stale).RunAsync(new BatchStep(batch.Site, entry.BatchKey, at)));
        // It finds its group deleted with the staging area, and reads the ledger again: completed.
        var staleOnce = new StaleLedger(host.Get<IBatchLedger>(), entry with { Status = BatchStatus.Scheduled }, staleReads: 1);
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<ScheduleGroupActivity>(host.Services, staleOnce).RunAsync(new ScheduleGroupStep(batch.Site, entry.BatchKey, 0, at)));
        Assert.Equal(2, staleOnce.Reads);
        await ActivatorUtilities.CreateInstance<RecordScheduledActivity>(host.Services, stale).RunAsync(new ScheduledStep(batch.Site, entry.BatchKey, 3, 12, at));
        await ActivatorUtilities.CreateInstance<RecordFailureActivity>(host.Services, stale).RunAsync(new FailureStep(batch.Site, entry.BatchKey, "Aggregate failed after 5 attempts (a late duplicate)", at.AddMinutes(5)));

        StorageSnapshot.AssertEqual(before, await StorageSnapshot.ReadAsync(storage), "After duplicates that read the ledger before completion");
        Assert.Equal(entry, await host.Get<IBatchLedger>().GetAsync(batch.Site, entry.BatchKey));
    }

    private async Task<(PipelineHost Host, StorageNamespace Storage, Batch Batch, BatchLedgerEntry Entry)> CompletedBatchAsync(TestRegistry registry)
    {
        var storage = StorageNamespace.Create(azurite);
        var host = await PipelineHost.StartAsync(storage, registry, new FakeTimeProvider(PipelineHost.Now));
        var batch = SiteBatches.First();
        Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes)).Outcome);
        var entry = await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value);
        Assert.Equal(BatchStatus.Completed, entry?.Status);
        Assert.NotNull(entry!.Stored);
        return (host, storage, batch, entry);
    }

    /// <summary>The ledger as a duplicate execution saw it: the first <paramref name="staleReads"/> reads answer the stale entry, later ones storage; writes go to storage.</summary>
    private sealed class StaleLedger(IBatchLedger inner, BatchLedgerEntry stale, int staleReads = int.MaxValue) : IBatchLedger
    {
        private int _reads;

        public int Reads => _reads;

        public Task<BatchLedgerEntry?> GetAsync(string site, string batchKey, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _reads) <= staleReads ? Task.FromResult<BatchLedgerEntry?>(stale) : inner.GetAsync(site, batchKey, cancellationToken);

        public Task<bool> RecordAsync(BatchLedgerEntry summary, BatchLedgerEvent status, CancellationToken cancellationToken = default) =>
            inner.RecordAsync(summary, status, cancellationToken);

        public IAsyncEnumerable<BatchLedgerEntry> ListAsync(string site, CancellationToken cancellationToken = default) => inner.ListAsync(site, cancellationToken);

        public Task<IReadOnlyList<BatchLedgerEvent>> HistoryAsync(string site, string batchKey, CancellationToken cancellationToken = default) =>
            inner.HistoryAsync(site, batchKey, cancellationToken);
    }
}
