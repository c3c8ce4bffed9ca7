namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>
/// The day a sweep started at a given instant covers: the UTC calendar day, the registry's
/// one notion of "today" (the Functions timer fires on UTC, the audit log is partitioned by
/// UTC day). The host's local offset must never move a sweep to a neighbouring day, or two
/// hosts in different zones would disagree about which reminders are due.
/// </summary>
public static class FollowUpSweepDay
{
    /// <summary>The UTC calendar day of <paramref name="instant"/>.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
