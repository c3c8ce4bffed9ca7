using Microsoft.Azure.Functions.Worker;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// One activity function per ingest activity, each delegating to the shared implementation
/// (idempotent, since Durable runs activities at least once).
/// </summary>
public sealed class IngestActivityFunctions(IngestActivities activities)
{
    /// <summary>Copy the upload to the central intake area; ledger "received".</summary>
    [Function(IngestActivityNames.Receive)]
    public Task<ReceivedBatch> Receive([ActivityTrigger] ReceiveInput input, FunctionContext context) =>
        activities.Receive.RunAsync(input, context.CancellationToken);

    /// <summary>Validate, de-identification gate, reports, raw or quarantine copy, staging.</summary>
    [Function(IngestActivityNames.Validate)]
    public Task<ValidatedBatch> Validate([ActivityTrigger] BatchStep input, FunctionContext context) =>
        activities.Validate.RunAsync(input, context.CancellationToken);

    /// <summary>Score and store one staged chunk.</summary>
    [Function(IngestActivityNames.StoreChunk)]
    public Task<StoreCounts> StoreChunk([ActivityTrigger] ChunkStep input, FunctionContext context) =>
        activities.StoreChunk.RunAsync(input, context.CancellationToken);

    /// <summary>Ledger "stored" with the totals.</summary>
    [Function(IngestActivityNames.RecordStored)]
    public Task<bool> RecordStored([ActivityTrigger] StoredStep input, FunctionContext context) =>
        activities.RecordStored.RunAsync(input, context.CancellationToken);

    /// <summary>Recompute the aggregates the batch touched.</summary>
    [Function(IngestActivityNames.Aggregate)]
    public Task<bool> Aggregate([ActivityTrigger] BatchStep input, FunctionContext context) =>
        activities.Aggregate.RunAsync(input, context.CancellationToken);

    /// <summary>Update the follow-up schedule of the batch's patients.</summary>
    [Function(IngestActivityNames.Schedule)]
    public Task<bool> Schedule([ActivityTrigger] BatchStep input, FunctionContext context) =>
        activities.Schedule.RunAsync(input, context.CancellationToken);

    /// <summary>Write the receipt, ledger "completed", clean the staging area.</summary>
    [Function(IngestActivityNames.Complete)]
    public Task<bool> Complete([ActivityTrigger] StoredStep input, FunctionContext context) =>
        activities.Complete.RunAsync(input, context.CancellationToken);

    /// <summary>Ledger "failed" with the reason.</summary>
    [Function(IngestActivityNames.RecordFailure)]
    public Task<bool> RecordFailure([ActivityTrigger] FailureStep input, FunctionContext context) =>
        activities.RecordFailure.RunAsync(input, context.CancellationToken);
}
