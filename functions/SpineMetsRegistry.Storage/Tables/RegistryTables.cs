namespace SpineMetsRegistry.Storage.Tables;

/// <summary>The logical names of the registry's tables (the configured prefix is added in front).</summary>
public static class RegistryTables
{
    /// <summary>Batch summaries and their status history.</summary>
    public const string Ledger = "ledger";

    /// <summary>Current enrollment records.</summary>
    public const string Enrollments = "enrollments";

    /// <summary>Current follow-up visit records.</summary>
    public const string Visits = "visits";

    /// <summary>The version history of every record.</summary>
    public const string RecordVersions = "recordversions";

    /// <summary>The register of withdrawn patients.</summary>
    public const string Withdrawals = "withdrawals";

    /// <summary>Expected follow-up visits.</summary>
    public const string Schedule = "schedule";

    /// <summary>The schedule's date index (what changes on which day).</summary>
    public const string ScheduleIndex = "scheduleindex";

    /// <summary>
    /// Which days each patient's visits were marked for review (late data), so a withdrawal
    /// or a dropped time point can remove those index rows too.
    /// </summary>
    public const string ScheduleReviews = "schedulereviews";

    /// <summary>Pre-computed aggregates.</summary>
    public const string Aggregates = "aggregates";

    /// <summary>The append-only audit log.</summary>
    public const string Audit = "audit";

    /// <summary>Where each audit idempotency key's entry was written.</summary>
    public const string AuditKeys = "auditkeys";

    /// <summary>The reminder sweep's watermark and last notice per visit.</summary>
    public const string ReminderLog = "reminderlog";

    /// <summary>Every table, for provisioning.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Ledger, Enrollments, Visits, RecordVersions, Withdrawals, Schedule, ScheduleIndex, ScheduleReviews,
        Aggregates, Audit, AuditKeys, ReminderLog,
    ];
}
