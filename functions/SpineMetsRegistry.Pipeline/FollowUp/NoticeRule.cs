using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>What the sweep does with one visit it read.</summary>
/// <param name="Visit">The visit.</param>
/// <param name="Reminder">The reminder for the site's digest, or null when nothing is announced.</param>
/// <param name="Record">The notice to record, or null when the log already says it.</param>
/// <param name="IsNew">Whether the site had not been told this state yet.</param>
public sealed record NoticeDecision(ScheduledVisit Visit, VisitReminder? Reminder, ReminderNotice? Record, bool IsNew);

/// <summary>
/// When a visit is announced, and what the reminder log records. Pure, so every case is a
/// unit test.
/// </summary>
public static class NoticeRule
{
    /// <summary>
    /// Decides for a visit read by the sweep of <paramref name="asOf"/>, given the last notice:
    /// <list type="bullet">
    /// <item>an announceable state (actionable, or received outside the window) is announced
    /// when the last notice names another state (new), or was made on <paramref name="asOf"/>
    /// itself (a rerun regenerates the same digest);</item>
    /// <item>a state with nothing to announce (scheduled, completed in the window, not
    /// required) is recorded silently when it differs from the last notice, so a visit that
    /// goes back to an earlier state (a protocol change moved it) is announced again when it
    /// comes back;</item>
    /// <item>otherwise nothing happens (null).</item>
    /// </list>
    /// </summary>
    public static NoticeDecision? Decide(ScheduledVisit visit, DateOnly asOf, ReminderNotice? last)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var state = visit.StateOn(asOf);
        var notice = new ReminderNotice(state, asOf);
        if (VisitReminder.For(visit, asOf) is { } reminder)
        {
            if (last is null || last.State != state)
            {
                return new NoticeDecision(visit, reminder, notice, IsNew: true);
            }

            return last.Day == asOf ? new NoticeDecision(visit, reminder, null, IsNew: false) : null;
        }

        return last is not null && last.State != state ? new NoticeDecision(visit, null, notice, IsNew: false) : null;
    }
}
