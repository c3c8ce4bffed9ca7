using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;

/// <summary>
/// Delivers a batch's BlobCreated event as the ingest queue does under faults: the site's
/// upload itself is not faulted (it is the site's storage call, not the registry's), and a
/// delivery whose handling throws is delivered again, as a queue message that was not deleted
/// becomes visible again.
/// </summary>
internal static class QueueDelivery
{
    /// <summary>More than enough: at a 10% fault share after the SDK's own retries, one redelivery is already rare.</summary>
    private const int MaxDeliveries = 10;

    /// <summary>Uploads the batch and delivers its event until the starter has handled it; returns the orchestration's instance ID.</summary>
    public static async Task<string> StartAsync(PipelineHost host, Batch batch, StorageFaultInjector faults)
    {
        LandingBlob blob;
        using (faults.Pause())
        {
            blob = await host.PutIncomingAsync(batch.Site, batch.FileName, batch.Bytes);
        }

        for (var delivery = 1; ; delivery++)
        {
            try
            {
                var outcome = Assert.Single(await host.StartAsync(blob));
                // A redelivery may find the workflow an earlier delivery started running, done,
                // or past its first step (the upload moved out of incoming/).
                Assert.True(
                    outcome.Outcome is IngestStartStatus.Started || (delivery > 1 && outcome.Outcome is not IngestStartStatus.Restarted),
                    $"Delivery {delivery} of {batch.Key}: {outcome.Outcome} ({outcome.Detail}); the last faults: {string.Join("; ", faults.Recent)}");
                return batch.Key.InstanceId;
            }
            catch (Exception exception) when (delivery < MaxDeliveries && exception is not Xunit.Sdk.XunitException)
            {
                // The message stays in the queue and is delivered again.
            }
        }
    }
}
