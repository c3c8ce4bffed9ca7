using System.Diagnostics;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Server;
using SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// The storage service goes away in the middle of an ingest and comes back with its data
/// (Azurite on disk, stopped cleanly and restarted on the same ports): the local host, left
/// running, recovers by itself, and every batch ends as in a run without the outage.
/// </summary>
[Collection(ReliabilityCollections.Name)]
[Trait("Category", ReliabilityCollections.Category)]
public sealed class StorageRestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>How long storage stays away (longer than the SDK's own retries, shorter than the workflow's).</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task LocalHost_StorageRestartedMidIngest_RecoversWithoutHelpAndEveryBatchEndsAsTheCleanRun()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        Batch[] batches = [ReliabilityBatches.For("S01", 1), ReliabilityBatches.For("S02", 1), ReliabilityBatches.For("S01", 2)];
        var installation = await new AzuriteInstaller().EnsureInstalledAsync();
        var data = Directory.CreateTempSubdirectory("spinemets-restart-");
        var server = await AzuriteServer.StartAsync(installation, AzuriteServerOptions.OnDisk(data.FullName));
        try
        {
            var clean = Namespace(server);
            await using (var run = await LocalHostRun.StartAsync(azurite, registry, clean))
            {
                foreach (var batch in batches)
                {
                    await run.UploadAsync(batch);
                    Assert.Equal(BatchStatus.Completed, (await run.WaitForIngestAsync(batch, Timeout)).Status);
                }
            }

            var restarted = Namespace(server);
            var outage = Stopwatch.StartNew();
            await using (var run = await LocalHostRun.StartAsync(azurite, registry, restarted))
            {
                await run.UploadAsync(batches[0]);
                Assert.Equal(BatchStatus.Completed, (await run.WaitForIngestAsync(batches[0], Timeout)).Status);

                // The second batch is under way (received) when storage goes away.
                await run.UploadAsync(batches[1]);
                await Eventually.GetAsync(() => run.Ledger.GetAsync(batches[1].Site, batches[1].Key.Value), e => e is not null, Timeout, "the second batch to be received");
                var ports = new AzuriteServerOptions { Persistence = AzuritePersistence.Disk, DataDirectory = data.FullName, BlobPort = server.BlobPort, QueuePort = server.QueuePort, TablePort = server.TablePort };
                await server.DisposeAsync();
                outage.Restart();
                await Task.Delay(Outage);
                server = await AzuriteServer.StartAsync(installation, ports);
                output.WriteLine($"Storage was away {outage.Elapsed.TotalSeconds:F1} s (stopped while batch 2 was being processed).");

                var recovered = Stopwatch.StartNew();
                Assert.Equal(BatchStatus.Completed, (await run.WaitForIngestAsync(batches[1], Timeout)).Status);
                output.WriteLine($"Batch 2 completed {recovered.Elapsed.TotalSeconds:F1} s after storage came back.");
                await run.UploadAsync(batches[2]);
                Assert.Equal(BatchStatus.Completed, (await run.WaitForIngestAsync(batches[2], Timeout)).Status);
                output.WriteLine($"{run.Logs.Lines.Count(l => l.Contains(" Warning: ", StringComparison.Ordinal) || l.Contains(" Error: ", StringComparison.Ordinal))} warnings and errors logged while storage was away and after.");
            }

            StorageSnapshot.AssertEqual(
                (await StorageSnapshot.ReadAsync(clean)).WithoutInstants(),
                (await StorageSnapshot.ReadAsync(restarted)).WithoutInstants(),
                "the run with a storage restart against the clean run");
        }
        finally
        {
            await server.DisposeAsync();
            data.Delete(recursive: true);
        }
    }

    private static StorageNamespace Namespace(AzuriteServer server) =>
        new(server.ConnectionString, StorageNames.Table("e2e"), StorageNames.Container("e2e") + "-");
}
