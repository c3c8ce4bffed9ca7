using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>
/// The schedule step updates the batch's patients in groups, one activity each: however the
/// patients fall into groups, and however many of them the plan holds in memory before it sorts
/// them through temporary files, the registry ends the same, and the groups leave nothing behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleGroupTests(AzuriteFixture azurite)
{
    private const int SmallGroup = 3;
    private const int FewPatientsInMemory = 2;

    [Fact]
    public async Task Ingest_PatientsInGroupsOfThreeSortedThroughFiles_StoresExactlyWhatOneGroupStoresAndCleansTheGroupsUp()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        Batch[] batches = [ReliabilityBatches.For("S01", 1, patients: 8), ReliabilityBatches.For("S01", 2, patients: 4)];

        var (oneGroup, oneGroupCalls) = await IngestAsync(registry, batches, small: false);
        var (smallGroups, smallGroupCalls) = await IngestAsync(registry, batches, small: true);

        // 8 patients in groups of 3, then 4: five groups, against one per batch.
        Assert.Equal((2, 5), (oneGroupCalls, smallGroupCalls));
        StorageSnapshot.AssertEqual(oneGroup, smallGroups, "Patients in groups of three, sorted through files of two, against all in one group in memory");
        Assert.Empty(smallGroups.BlobNames("staging")); // the receipt step deleted the groups with the chunks
        Assert.NotEmpty(smallGroups.Table(Storage.Tables.RegistryTables.Schedule));
    }

    private async Task<(StorageSnapshot Snapshot, int GroupCalls)> IngestAsync(TestRegistry registry, IReadOnlyList<Batch> batches, bool small)
    {
        var storage = StorageNamespace.Create(azurite);
        await using (var host = await PipelineHost.StartAsync(storage, registry, new FakeTimeProvider(PipelineHost.Now), configure: services =>
        {
            if (small)
            {
                services.AddSingleton(sp => new PlanScheduleActivity(
                    sp.GetRequiredService<Pipeline.Blobs.ICentralBlobs>(), sp.GetRequiredService<IBatchLedger>(), SmallGroup, FewPatientsInMemory));
            }
        }))
        {
            foreach (var batch in batches)
            {
                Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes)).Outcome);
                Assert.Equal(BatchStatus.Completed, (await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value))?.Status);
            }
        }

        var snapshot = await StorageSnapshot.ReadAsync(storage);
        var groupCalls = snapshot.EngineRows.Count(r => r.Value.Contains("EventType=String:TaskScheduled;", StringComparison.Ordinal) && r.Value.Contains("Name=String:" + IngestActivityNames.ScheduleGroup + ";", StringComparison.Ordinal));
        return (snapshot, groupCalls);
    }
}
