using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// The ingest workflow: receive, validate with the de-identification gate, store in bounded
/// chunks, recompute aggregates, update the follow-up schedule, write the receipt. Written
/// once against <see cref="IWorkflowContext"/>; deterministic (the only clock is the
/// context's); passes only references and counts between steps.
/// </summary>
public static class IngestWorkflow
{
    /// <summary>Chunks stored concurrently: bounded so Durable history and storage throughput stay in check.</summary>
    public const int ChunkWaveSize = 8;

    /// <summary>Runs the workflow.</summary>
    public static async Task<IngestOutcome> RunAsync(IWorkflowContext context, IngestRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        string? batchKey = null;
        try
        {
            var received = await context.CallActivityAsync<ReceivedBatch>(IngestActivityNames.Receive, new ReceiveInput(request, context.CurrentUtcDateTime));
            batchKey = received.BatchKey;
            if (received.AlreadyCompleted)
            {
                return IngestOutcome.AlreadyIngested(request.Site, batchKey);
            }

            var step = new BatchStep(request.Site, batchKey, context.CurrentUtcDateTime);
            var validated = await context.CallActivityAsync<ValidatedBatch>(IngestActivityNames.Validate, step);
            var stored = StoreCounts.None;
            if (validated.StoresRecords)
            {
                var results = await WorkflowFanOut.RunInWavesAsync(
                    Enumerable.Range(0, validated.ChunkCount).ToList(),
                    ChunkWaveSize,
                    chunk => context.CallActivityAsync<StoreCounts>(IngestActivityNames.StoreChunk, new ChunkStep(request.Site, batchKey, chunk, context.CurrentUtcDateTime)));
                stored = results.Aggregate(StoreCounts.None, (total, chunk) => total.Add(chunk));

                await context.CallActivityAsync<bool>(IngestActivityNames.RecordStored, new StoredStep(request.Site, batchKey, stored, context.CurrentUtcDateTime));
                await context.CallActivityAsync<bool>(IngestActivityNames.Aggregate, new BatchStep(request.Site, batchKey, context.CurrentUtcDateTime));
                await context.CallActivityAsync<bool>(IngestActivityNames.Schedule, new BatchStep(request.Site, batchKey, context.CurrentUtcDateTime));
            }

            await context.CallActivityAsync<bool>(IngestActivityNames.Complete, new StoredStep(request.Site, batchKey, stored, context.CurrentUtcDateTime));
            return new IngestOutcome(request.Site, batchKey, validated.Decision, stored);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await context.CallActivityAsync<bool>(
                IngestActivityNames.RecordFailure,
                new FailureStep(request.Site, batchKey, FailureText.Describe(exception), context.CurrentUtcDateTime));
            throw;
        }
    }
}
