using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

// The ingest workflow's inputs and outputs. They carry references (site, batch key, chunk
// numbers) and counts only, never row data: Durable Functions persists them in the task
// hub, which anyone with access to that storage can read.

/// <summary>Starts the ingest of one upload.</summary>
/// <param name="Site">The site code (from the container).</param>
/// <param name="FileName">The file name under incoming/.</param>
/// <param name="ETag">The blob version hashed by the starter.</param>
/// <param name="Sha256">SHA-256 of that version's bytes.</param>
/// <param name="SizeBytes">Its size.</param>
public sealed record IngestRequest(string Site, string FileName, string ETag, string Sha256, long SizeBytes)
{
    /// <summary>The batch key of this upload.</summary>
    public BatchKey Key => BatchKey.Create(Site, Path.GetFileNameWithoutExtension(FileName), Sha256);
}

/// <summary>Input of the receive activity.</summary>
/// <param name="Request">The request.</param>
/// <param name="At">The workflow clock.</param>
public sealed record ReceiveInput(IngestRequest Request, DateTimeOffset At);

/// <summary>Output of the receive activity.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="AlreadyCompleted">True when this exact upload was already ingested (nothing to do).</param>
public sealed record ReceivedBatch(string Site, string BatchKey, bool AlreadyCompleted);

/// <summary>Input of the activities that act on a whole batch.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="At">The workflow clock.</param>
public sealed record BatchStep(string Site, string BatchKey, DateTimeOffset At);

/// <summary>Output of the validate activity.</summary>
/// <param name="Decision">The validation decision (serialised as its snake_case code).</param>
/// <param name="StoresRecords">Whether records go on to be stored.</param>
/// <param name="ChunkCount">How many staged chunks hold the records to store.</param>
/// <param name="Counts">Validation counts.</param>
public sealed record ValidatedBatch(BatchDecision Decision, bool StoresRecords, int ChunkCount, ValidationCounts Counts);

/// <summary>Input of the store-chunk activity.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="Chunk">Chunk number (0-based).</param>
/// <param name="At">The workflow clock.</param>
public sealed record ChunkStep(string Site, string BatchKey, int Chunk, DateTimeOffset At);

/// <summary>Output of the schedule-planning activity.</summary>
/// <param name="Groups">How many groups of patients the schedule step updates, one activity each.</param>
/// <param name="Patients">How many patients the batch has schedule facts for.</param>
public sealed record SchedulePlan(int Groups, int Patients)
{
    /// <summary>No group to schedule (a late duplicate found the batch completed).</summary>
    public static SchedulePlan Nothing { get; } = new(0, 0);
}

/// <summary>Input of the schedule-group activity.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="Group">Group number (0-based).</param>
/// <param name="At">The workflow clock when the schedule step began: one arrival day for every group of the batch.</param>
public sealed record ScheduleGroupStep(string Site, string BatchKey, int Group, DateTimeOffset At);

/// <summary>Input of the activity that records the schedule step in the ledger.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="Patients">Patients whose schedules were updated.</param>
/// <param name="Visits">Their expected visits after the update.</param>
/// <param name="At">The workflow clock when the schedule step began (each ledger event carries the time its step was scheduled).</param>
public sealed record ScheduledStep(string Site, string BatchKey, int Patients, int Visits, DateTimeOffset At);

/// <summary>Input of the status-recording activity.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="Stored">The totals of the stored chunks.</param>
/// <param name="At">The workflow clock.</param>
public sealed record StoredStep(string Site, string BatchKey, StoreCounts Stored, DateTimeOffset At);

/// <summary>Input of the failure-recording activity.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value (null when the failure came before receive).</param>
/// <param name="Reason">What failed (type and message; never record values).</param>
/// <param name="At">The workflow clock.</param>
public sealed record FailureStep(string Site, string? BatchKey, string Reason, DateTimeOffset At);

/// <summary>What an ingest workflow achieved.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="Decision">
/// The validation decision; null exactly when this upload had already been ingested, so the
/// workflow validated nothing again (see <see cref="AlreadyCompleted"/>).
/// </param>
/// <param name="Stored">What was stored.</param>
public sealed record IngestOutcome(string Site, string BatchKey, BatchDecision? Decision, StoreCounts Stored)
{
    /// <summary>Whether the workflow found this exact upload already ingested and did nothing.</summary>
    [JsonIgnore]
    public bool AlreadyCompleted => Decision is null;

    /// <summary>The outcome of a workflow that found its upload already ingested.</summary>
    /// <param name="site">Site code.</param>
    /// <param name="batchKey">Batch key value.</param>
    public static IngestOutcome AlreadyIngested(string site, string batchKey) => new(site, batchKey, null, StoreCounts.None);
}

/// <summary>The activity names: the same strings name the Durable activity functions.</summary>
public static class IngestActivityNames
{
    /// <summary>Copy the upload to the central intake area; ledger "received".</summary>
    public const string Receive = "IngestReceive";

    /// <summary>Validate, de-identification gate, reports, raw or quarantine copy, staging.</summary>
    public const string Validate = "IngestValidate";

    /// <summary>Score and store one staged chunk.</summary>
    public const string StoreChunk = "IngestStoreChunk";

    /// <summary>Ledger "stored" with the totals.</summary>
    public const string RecordStored = "IngestRecordStored";

    /// <summary>Recompute the aggregates the batch touched.</summary>
    public const string Aggregate = "IngestAggregate";

    /// <summary>Collect the batch's schedule facts into groups of patients.</summary>
    public const string PlanSchedule = "IngestPlanSchedule";

    /// <summary>Update the follow-up schedule of one group of the batch's patients.</summary>
    public const string ScheduleGroup = "IngestScheduleGroup";

    /// <summary>Ledger "scheduled" with the totals.</summary>
    public const string RecordScheduled = "IngestRecordScheduled";

    /// <summary>Write the receipt, ledger "completed", clean the staging area.</summary>
    public const string Complete = "IngestComplete";

    /// <summary>Ledger "failed" with the reason.</summary>
    public const string RecordFailure = "IngestRecordFailure";

    /// <summary>The workflow (orchestration) name.</summary>
    public const string Workflow = "IngestBatch";

    /// <summary>The sub-orchestration that stores one segment of a large batch's chunks.</summary>
    public const string StoreChunkSegment = "IngestStoreChunkSegment";

    /// <summary>The sub-orchestration that updates the schedule of one segment of a large batch's patient groups.</summary>
    public const string ScheduleGroupSegment = "IngestScheduleGroupSegment";
}
