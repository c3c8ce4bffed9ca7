using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// One in ten storage calls fails transiently, in the registry's storage clients and in the
/// Durable engine's (500, 503, a timeout before the call reached the service; for the
/// registry's calls also a timeout after the service applied it): every batch still
/// completes, and storage ends exactly as a clean run of the same batches. What is left of a
/// fault after the SDK's own retries reaches the activities' retry policy, the engine's own
/// recovery, and the queue's redelivery of the upload event.
/// </summary>
[Collection(ReliabilityCollections.Name)]
[Trait("Category", ReliabilityCollections.Category)]
public sealed class TransientStorageFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const double FaultShare = 0.10;

    private const int Seed = 20261204;

    /// <summary>The workflow's retries, shortened from the default (2 s doubling to 1 min) so a test waits seconds.</summary>
    private static readonly WorkflowRetryPolicy Retry = new(6, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(8));

    [Fact]
    public async Task MultiBatchIngest_TenPercentOfStorageCallsFail_EveryBatchCompletesWithExactlyTheCleanResult()
    {
        using var registry = TestRegistry.Create("S01", "S02", "S03");
        Batch[] batches = [ReliabilityBatches.For("S01", 1), ReliabilityBatches.For("S02", 1), ReliabilityBatches.For("S01", 2), ReliabilityBatches.For("S03", 1)];

        var clean = StorageNamespace.Create(azurite);
        await using (var host = await PipelineHost.StartAsync(clean, registry, new FakeTimeProvider(PipelineHost.Now), Retry))
        {
            foreach (var batch in batches)
            {
                Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes)).Outcome);
            }
        }

        var faults = new StorageFaultInjector(FaultShare, Seed);
        var faulted = StorageNamespace.Create(azurite);
        var elapsed = Stopwatch.StartNew();
        await using (var host = await PipelineHost.StartAsync(
            faulted, registry, new FakeTimeProvider(PipelineHost.Now), Retry, services => services.AddSingleton<IStorageClientOptionsConfigurator>(faults)))
        {
            faults.Arm();
            foreach (var batch in batches)
            {
                var instanceId = await QueueDelivery.StartAsync(host, batch, faults);
                using (faults.Pause())
                {
                    await WaitOrExplainAsync(host, instanceId, faults);
                }
            }

            faults.Disarm();
            foreach (var batch in batches)
            {
                var entry = await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value);
                Assert.Equal(BatchStatus.Completed, entry?.Status);
            }
        }

        output.WriteLine($"{batches.Length} batches in {elapsed.Elapsed.TotalSeconds:F1} s with {FaultShare:P0} faults (seed {Seed}); {faults.Describe()}");
        Assert.True(faults.On(StorageFaultInjector.Registry) > 0, "No fault reached the registry's storage calls: " + faults.Describe());
        Assert.True(faults.On(StorageFaultInjector.Engine) > 0, "No fault reached the engine's storage calls: " + faults.Describe());
        StorageSnapshot.AssertEqual(await StorageSnapshot.ReadAsync(clean), await StorageSnapshot.ReadAsync(faulted), "the run with storage faults against the clean run");
    }

    /// <summary>Waits for the orchestration; when it does not finish, says where it stands and what the host logged.</summary>
    private async Task WaitOrExplainAsync(PipelineHost host, string instanceId, StorageFaultInjector faults)
    {
        var state = await host.Engine.Client.WaitForOrchestrationAsync(new DurableTask.Core.OrchestrationInstance { InstanceId = instanceId }, OrchestrationWait);
        if (state is { OrchestrationStatus: DurableTask.Core.OrchestrationStatus.Completed })
        {
            return;
        }

        var current = await host.Engine.Client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        output.WriteLine($"{instanceId}: {current.FirstOrDefault()?.OrchestrationStatus.ToString() ?? "no instance"} ({current.FirstOrDefault()?.Status}); {faults.Describe()}");
        foreach (var line in host.Logs.Lines.Where(l => !l.Contains(" Trace: ", StringComparison.Ordinal) && !l.Contains(" Debug: ", StringComparison.Ordinal)).TakeLast(60))
        {
            output.WriteLine(line.Length > 600 ? line[..600] : line);
        }

        Assert.Fail($"The ingest orchestration {instanceId} did not complete within {OrchestrationWait} under storage faults.");
    }

    private static readonly TimeSpan OrchestrationWait = TimeSpan.FromMinutes(2);
}
