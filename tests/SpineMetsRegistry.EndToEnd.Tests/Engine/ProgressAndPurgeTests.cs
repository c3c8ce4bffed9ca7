using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Synthetic;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Engine;

/// <summary>A running batch's progress read back from the engine, and the purge of finished instances.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProgressAndPurgeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task History_PerStoredChunk_AddsAFixedSmallNumberOfRows()
    {
        // A one-chunk batch and a many-chunk batch of the same site: the difference in History
        // rows over the difference in chunks is what one more stored chunk costs.
        using var registry = TestRegistry.Create("S01", "S02");
        var storage = StorageNamespace.Create(azurite);
        await using var host = await PipelineHost.StartAsync(storage, registry);
        var small = SiteBatches.First();
        var rows = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions { SiteCode = "S01", Patients = 250, AsOf = new DateOnly(2026, 1, 15), Seed = 7, FirstStudyNumber = 100 });
        var large = Batch.Csv("S01", "history-large.csv", rows);

        var measured = new List<(int Chunks, int Rows)>();
        foreach (var batch in new[] { small, large })
        {
            Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes)).Outcome);
            var accepted = (await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value))!.Validation!.Accepted;
            var history = (await StorageSnapshot.ReadAsync(storage)).EngineRows.Keys.Count(k => k.StartsWith("spinemetshubHistory | " + batch.Key.InstanceId + " |", StringComparison.Ordinal));
            measured.Add(((int)Math.Ceiling(accepted / (double)ValidateActivity.ChunkSize), history));
        }

        var perChunk = (measured[1].Rows - measured[0].Rows) / (double)(measured[1].Chunks - measured[0].Chunks);
        output.WriteLine($"History rows: {measured[0].Rows} for {measured[0].Chunks} chunk(s), {measured[1].Rows} for {measured[1].Chunks} chunks: {perChunk:F2} rows per chunk");
        Assert.True(measured[1].Chunks > measured[0].Chunks);
        Assert.InRange(perChunk, 1.0, 4.0);
    }

    [Fact]
    public async Task GetAsync_WhileAChunkIsBeingStored_ReportsTheStoreStepAndChunksOfTheTotal()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        var gate = new HoldingObserver(IngestActivityNames.StoreChunk);
        await using var host = await PipelineHost.StartAsync(StorageNamespace.Create(azurite), registry, configure: services => services.AddSingleton<IActivityObserver>(gate));
        var batch = SiteBatches.First();
        var blob = await host.PutIncomingAsync(batch.Site, batch.FileName, batch.Bytes);

        Assert.Equal(IngestStartStatus.Started, Assert.Single(await host.StartAsync(blob)).Outcome);
        await gate.Reached.WaitAsync(PipelineHost.OrchestrationTimeout);
        var progress = host.Get<IIngestProgress>();
        var running = await Eventually.GetAsync(
            () => progress.GetAsync(batch.Key),
            p => p is { Step: IngestSteps.Store },
            TimeSpan.FromSeconds(30),
            "the store step in the custom status");
        gate.Release();
        await host.WaitForAsync(batch.Key.InstanceId);

        Assert.Equal(new IngestProgress(IngestSteps.Store, 0, 1), running);
        Assert.Null(await progress.GetAsync(batch.Key));
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(31, true)]
    public async Task PurgeOnceAsync_FinishedInstance_RemovedOnlyAfterTheRetentionAndTheLedgerKeepsTheOutcome(int daysLater, bool purged)
    {
        using var registry = TestRegistry.Create("S01", "S02");
        await using var host = await PipelineHost.StartAsync(StorageNamespace.Create(azurite), registry);
        var batch = SiteBatches.First();
        Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes)).Outcome);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(daysLater));
        var purger = new CompletedInstancePurger(host.Engine, later, NullLogger<CompletedInstancePurger>.Instance);

        var removed = await purger.PurgeOnceAsync();

        Assert.Equal(purged ? 1 : 0, removed);
        Assert.Equal(purged, await host.Engine.Client.GetOrchestrationStateAsync(batch.Key.InstanceId) is null);
        Assert.Equal(BatchStatus.Completed, (await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value))?.Status);
    }

    /// <summary>Holds the first call of one activity until released.</summary>
    private sealed class HoldingObserver(string activity) : IActivityObserver
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public Task BeforeAsync(string activityName)
        {
            if (activityName != activity)
            {
                return Task.CompletedTask;
            }

            _reached.TrySetResult();
            return _released.Task;
        }

        public Task AfterAsync(string activityName) => Task.CompletedTask;
    }
}
