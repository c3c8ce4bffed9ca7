using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Workflows.Durable;
using SpineMetsRegistry.Storage.Configuration;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// The queue-triggered starter: Event Grid delivers each BlobCreated event of the landing
/// accounts to the ingest queue (Base64, decoded by the trigger); the shared starter ignores
/// anything that is not a committed batch under <c>site-&lt;code&gt;/incoming/</c>, hashes the
/// blob and starts the ingest orchestration under the upload's deterministic instance ID. A
/// message that keeps failing moves to <c>ingest-events-poison</c> after host.json's
/// maxDequeueCount.
/// </summary>
public sealed class IngestQueueFunction(IngestStarter starter)
{
    /// <summary>Handles one queue message.</summary>
    [Function("StartIngest")]
    public async Task RunAsync(
        [QueueTrigger(RegistryStorageOptions.DefaultIngestQueueName, Connection = "AzureWebJobsStorage")] string message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var workflows = new DurableWorkflowStarter(new DurableTaskOrchestrationClient(client));
        await starter.HandleMessageAsync(message, workflows, context.CancellationToken);
    }
}
