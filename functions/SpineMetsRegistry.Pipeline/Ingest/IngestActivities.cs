
namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// The ingest workflow's activities together: what the Functions app's activity functions
/// and the local engine's activities delegate to, one by one.
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
}
