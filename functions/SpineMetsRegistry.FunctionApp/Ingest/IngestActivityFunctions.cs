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

    /// <summary>Collect the batch's schedule facts into groups of patients.</summary>
    [Function(IngestActivityNames.PlanSchedule)]
    public Task<SchedulePlan> PlanSchedule([ActivityTrigger] BatchStep input, FunctionContext context) =>
        activities.PlanSchedule.RunAsync(input, context.CancellationToken);

    /// <summary>Update the follow-up schedule of one group of the batch's patients.</summary>
    [Function(IngestActivityNames.ScheduleGroup)]
    public Task<int> ScheduleGroup([ActivityTrigger] ScheduleGroupStep input, FunctionContext context) =>
        activities.ScheduleGroup.RunAsync(input, context.CancellationToken);

    /// <summary>Ledger "scheduled" with the totals.</summary>
    [Function(IngestActivityNames.RecordScheduled)]
    public Task<bool> RecordScheduled([ActivityTrigger] ScheduledStep input, FunctionContext context) =>
        activities.RecordScheduled.RunAsync(input, context.CancellationToken);

    /// <summary>Write the receipt, ledger "completed", clean the staging area.</summary>
    [Function(IngestActivityNames.Complete)]
    public Task<bool> Complete([ActivityTrigger] StoredStep input, FunctionContext context) =>
        activities.Complete.RunAsync(input, context.CancellationToken);

    /// <summary>Ledger "failed" with the reason.</summary>
    [Function(IngestActivityNames.RecordFailure)]
    public Task<bool> RecordFailure([ActivityTrigger] FailureStep input, FunctionContext context) =>
        activities.RecordFailure.RunAsync(input, context.CancellationToken);
}
