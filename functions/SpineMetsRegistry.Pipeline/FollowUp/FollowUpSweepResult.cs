using SpineMetsRegistry.Pipeline.FollowUp.Notifications;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>How a sweep read the schedule.</summary>
public enum SweepMode
{
    /// <summary>Read only the date index partitions of the days swept (the normal case).</summary>
    DateIndex,

    /// <summary>Read every site's whole schedule: the first sweep ever has no watermark and no notices yet.</summary>
    WholeSchedule,

    /// <summary>Nothing done: the day lies before the last day already swept.</summary>
    AlreadySwept,
}

/// <summary>What a sweep wrote for one site.</summary>
/// <param name="Site">The site.</param>
/// <param name="Reminders">Reminders in the site's digest for the day.</param>
/// <param name="NewNotices">Of those, how many the site had not been told yet (a rerun of the day: 0).</param>
/// <param name="Written">Whether the digest blobs were written (false when identical ones were already there).</param>
/// <param name="JsonName">The digest's JSON blob name under the site's container.</param>
/// <param name="CsvName">The digest's CSV blob name.</param>
public sealed record SiteDigestOutcome(string Site, int Reminders, int NewNotices, bool Written, string JsonName, string CsvName);

/// <summary>What a re-plan after a protocol change did.</summary>
/// <param name="Fingerprint">The protocol applied.</param>
/// <param name="PatientsRead">Patients whose schedule was read.</param>
/// <param name="VisitsRead">Expected visits read.</param>
/// <param name="VisitsMoved">Visits whose dates changed (written and marked for review).</param>
/// <param name="VisitsDropped">Not-yet-completed visits of time points the protocol no longer has (removed).</param>
public sealed record ProtocolReplanResult(string Fingerprint, int PatientsRead, int VisitsRead, int VisitsMoved, int VisitsDropped);

/// <summary>The weekly committee digest, when a sweep wrote it.</summary>
/// <param name="AsOf">The day it describes.</param>
/// <param name="VisitsRead">Expected visits read to compute it (the whole schedule, once a week).</param>
/// <param name="SitesBelowThreshold">Sites below the compliance threshold at one time point or more.</param>
public sealed record ComplianceDigestOutcome(DateOnly AsOf, int VisitsRead, IReadOnlyList<string> SitesBelowThreshold);

/// <summary>The outcome of one sweep, for logs, the operations API and the benchmark.</summary>
public sealed record FollowUpSweepResult
{
    /// <summary>The day swept up to.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>How the schedule was read.</summary>
    public required SweepMode Mode { get; init; }

    /// <summary>The first index day read (date index mode).</summary>
    public DateOnly? FirstDayRead { get; init; }

    /// <summary>How many index day partitions were read.</summary>
    public int DaysRead { get; init; }

    /// <summary>Index entries read from those partitions.</summary>
    public int IndexEntriesRead { get; init; }

    /// <summary>Expected visits read (point reads in date index mode; every visit in whole-schedule mode).</summary>
    public int VisitsRead { get; init; }

    /// <summary>Reminders in the digests written (new and re-announced the same day).</summary>
    public int Reminders { get; init; }

    /// <summary>Notices recorded for the first time.</summary>
    public int NewNotices { get; init; }

    /// <summary>One entry per configured site.</summary>
    public IReadOnlyList<SiteDigestOutcome> Digests { get; init; } = [];

    /// <summary>One entry per configured site: whether its contacts were mailed.</summary>
    public IReadOnlyList<SiteNotificationOutcome> Notifications { get; init; } = [];

    /// <summary>The re-plan, when the protocol had changed since the last sweep.</summary>
    public ProtocolReplanResult? Replan { get; init; }

    /// <summary>The committee digest, when it was due.</summary>
    public ComplianceDigestOutcome? Compliance { get; init; }

    /// <summary>A sentence for people.</summary>
    public required string Summary { get; init; }
}
