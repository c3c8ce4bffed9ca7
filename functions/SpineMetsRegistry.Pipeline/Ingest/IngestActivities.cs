
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
    PlanScheduleActivity planSchedule,
    ScheduleGroupActivity scheduleGroup,
    RecordScheduledActivity recordScheduled,
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

    /// <summary>Group the batch's patients for the schedule.</summary>
    public PlanScheduleActivity PlanSchedule => planSchedule;

    /// <summary>Update one group's schedules.</summary>
    public ScheduleGroupActivity ScheduleGroup => scheduleGroup;

    /// <summary>Ledger "scheduled".</summary>
    public RecordScheduledActivity RecordScheduled => recordScheduled;

    /// <summary>Receipt and completion.</summary>
    public CompleteActivity Complete => complete;

    /// <summary>Ledger "failed".</summary>
    public RecordFailureActivity RecordFailure => recordFailure;
}
