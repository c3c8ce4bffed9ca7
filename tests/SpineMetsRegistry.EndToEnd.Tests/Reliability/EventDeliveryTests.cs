using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// Event Grid delivers at least once and in no guaranteed order: the same upload event
/// arrives several times (at once and one after another), out of upload order, and after its
/// batch completed. Each batch is still processed exactly once: each activity ran once per
/// batch, one ledger history, and storage equal to a run with one delivery each.
/// <para>
/// Two deliveries at the same moment can both be told "started": the task hub's duplicate
/// check (is there an instance?) and its start are two storage calls, so both starters can
/// pass the check. The engine then runs one execution and discards the other start message
/// (DTFx keeps the execution the Instances table names), which is what this test holds it to.
/// </para>
/// </summary>
[Collection(ReliabilityCollections.Name)]
[Trait("Category", ReliabilityCollections.Category)]
public sealed class EventDeliveryTests(AzuriteFixture azurite)
{
    private static readonly BatchStatus[] OneRun =
        [BatchStatus.Received, BatchStatus.Validated, BatchStatus.Stored, BatchStatus.Aggregated, BatchStatus.Scheduled, BatchStatus.Completed];

    [Fact]
    public async Task UploadEvents_DeliveredRepeatedlyOutOfOrderAndLate_EachBatchIsProcessedExactlyOnce()
    {
        using var registry = TestRegistry.Create("S01", "S02", "S03");
        var (a, b, c) = (ReliabilityBatches.For("S01", 1), ReliabilityBatches.For("S02", 1), ReliabilityBatches.For("S03", 1));

        // The clean run: the three uploads, then one event each, in the order the messy run first delivers them.
        var clean = StorageNamespace.Create(azurite);
        await using (var host = await PipelineHost.StartAsync(clean, registry, new FakeTimeProvider(PipelineHost.Now)))
        {
            var blobs = await PutAllAsync(host, a, b, c);
            foreach (var blob in new[] { blobs[c], blobs[a], blobs[b] })
            {
                Assert.Equal(IngestStartStatus.Started, Assert.Single(await host.AnnounceAsync(blob)).Outcome);
            }
        }

        var messy = StorageNamespace.Create(azurite);
        var outcomes = new List<IngestStartOutcome>();
        var activities = new ActivityCounter();
        await using (var host = await PipelineHost.StartAsync(
            messy, registry, new FakeTimeProvider(PipelineHost.Now), configure: services => services.AddSingleton<IActivityObserver>(activities)))
        {
            // Uploaded a, b, c; the events come c, a, b, each more than once.
            var blobs = await PutAllAsync(host, a, b, c);

            // C's event twice at the same moment, then once more while its workflow runs.
            var together = await Task.WhenAll(host.StartAsync(blobs[c]), host.StartAsync(blobs[c]));
            outcomes.AddRange(together.SelectMany(o => o));
            outcomes.AddRange(await host.StartAsync(blobs[c]));
            await host.WaitForAsync(c.Key.InstanceId);

            // A's event, and again at once; B's event twice in a row; C's once more, late.
            outcomes.AddRange(await host.StartAsync(blobs[a]));
            outcomes.AddRange(await host.StartAsync(blobs[a]));
            await host.WaitForAsync(a.Key.InstanceId);
            outcomes.AddRange(await host.AnnounceAsync(blobs[b]));
            outcomes.AddRange(await host.AnnounceAsync(blobs[b]));
            outcomes.AddRange(await host.AnnounceAsync(blobs[c]));

            // Every event again, after every batch completed.
            foreach (var blob in blobs.Values)
            {
                outcomes.AddRange(await host.AnnounceAsync(blob));
            }

            foreach (var batch in new[] { a, b, c })
            {
                Assert.Equal(OneRun, (await host.Get<IBatchLedger>().HistoryAsync(batch.Site, batch.Key.Value)).Select(e => e.Status));
            }
        }

        // Each batch ran once: every activity of the workflow ran once per batch.
        foreach (var activity in new[] { IngestActivityNames.Receive, IngestActivityNames.Validate, IngestActivityNames.StoreChunk, IngestActivityNames.Complete })
        {
            Assert.True(activities.Runs(activity) == 3, $"{activity} ran {activities.Runs(activity)} times for 3 batches.");
        }

        // Every delivery found its batch new, running, or already taken in (its upload gone from incoming/).
        Assert.Equal(11, outcomes.Count);
        Assert.Equal(
            [a.Key.InstanceId, b.Key.InstanceId, c.Key.InstanceId],
            outcomes.Where(o => o.Outcome == IngestStartStatus.Started).Select(o => o.Detail).Distinct().Order(StringComparer.Ordinal));
        Assert.All(outcomes, o => Assert.True(
            o.Outcome is IngestStartStatus.Started or IngestStartStatus.AlreadyRunning || (o.Outcome == IngestStartStatus.Ignored && o.Detail.Contains("gone", StringComparison.Ordinal)),
            $"{o.Site} {o.FileName}: {o.Outcome} ({o.Detail})"));
        StorageSnapshot.AssertEqual(await StorageSnapshot.ReadAsync(clean), await StorageSnapshot.ReadAsync(messy), "repeated, out-of-order and late events against one event per batch");
    }

    private static async Task<Dictionary<Batch, LandingBlob>> PutAllAsync(PipelineHost host, params Batch[] batches)
    {
        var blobs = new Dictionary<Batch, LandingBlob>();
        foreach (var batch in batches)
        {
            blobs[batch] = await host.PutIncomingAsync(batch.Site, batch.FileName, batch.Bytes);
        }

        return blobs;
    }
}
