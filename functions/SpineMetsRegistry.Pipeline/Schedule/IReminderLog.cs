using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Pipeline.Schedule;

/// <summary>What the daily sweep last told a site about one expected visit.</summary>
/// <param name="State">The state announced.</param>
/// <param name="Day">The sweep day it was announced.</param>
public sealed record ReminderNotice(VisitState State, DateOnly Day);

/// <summary>
/// What the sweep has sent: the last day swept (so a sweep that did not run catches up)
/// and, per expected visit, the last state announced (so nothing is sent twice).
/// </summary>
public interface IReminderLog
{
    /// <summary>The last day swept completely, or null before the first sweep.</summary>
    Task<DateOnly?> GetLastSweptDayAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that every day up to <paramref name="day"/> has been swept.</summary>
    Task SetLastSweptDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The last notice for a visit, or null.</summary>
    Task<ReminderNotice?> GetLastNoticeAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default);

    /// <summary>Records the notice sent for a visit (replacing the previous one).</summary>
    Task RecordNoticeAsync(string site, string studyId, string timePoint, ReminderNotice notice, CancellationToken cancellationToken = default);
}
