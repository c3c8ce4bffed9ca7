using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows.Local;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// The ingest workflow's activities together: what the Functions app's activity functions
/// delegate to one by one, and what the local runner looks up by name.
/// </summary>
public sealed class IngestActivities(
    ReceiveActivity receive,
    ValidateActivity validate,
    StoreChunkActivity storeChunk,
    RecordStoredActivity recordStored,
    AggregateActivity aggregate,
    ScheduleActivity schedule,
    CompleteActivity complete,
    RecordFailureActivity recordFailure)
{
    /// <summary>Receive.</summary>
    public ReceiveActivity Receive => receive;

    /// <summary>Validate and gate.</summary>
    public ValidateActivity Validate => validate;

    /// <summary>Store one chunk.</summary>
    public StoreChunkActivity StoreChunk => storeChunk;

    /// <summary>Ledger "stored".</summary>
    public RecordStoredActivity RecordStored => recordStored;

    /// <summary>Recompute aggregates.</summary>
    public AggregateActivity Aggregate => aggregate;

    /// <summary>Update the schedule.</summary>
    public ScheduleActivity Schedule => schedule;

    /// <summary>Receipt and completion.</summary>
    public CompleteActivity Complete => complete;

    /// <summary>Ledger "failed".</summary>
    public RecordFailureActivity RecordFailure => recordFailure;

    /// <summary>Registers every activity under its workflow name.</summary>
    public ActivityRegistry Register(ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Add<ReceiveInput, ReceivedBatch>(IngestActivityNames.Receive, receive.RunAsync)
            .Add<BatchStep, ValidatedBatch>(IngestActivityNames.Validate, validate.RunAsync)
            .Add<ChunkStep, StoreCounts>(IngestActivityNames.StoreChunk, storeChunk.RunAsync)
            .Add<StoredStep, bool>(IngestActivityNames.RecordStored, recordStored.RunAsync)
            .Add<BatchStep, bool>(IngestActivityNames.Aggregate, aggregate.RunAsync)
            .Add<BatchStep, bool>(IngestActivityNames.Schedule, schedule.RunAsync)
            .Add<StoredStep, bool>(IngestActivityNames.Complete, complete.RunAsync)
            .Add<FailureStep, bool>(IngestActivityNames.RecordFailure, recordFailure.RunAsync);
    }
}
