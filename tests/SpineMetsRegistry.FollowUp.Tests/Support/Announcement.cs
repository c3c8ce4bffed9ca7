using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.FollowUp.Tests.Support;

/// <summary>One line of a site's daily digest, with the day it was sent.</summary>
internal sealed record Announcement(DateOnly Day, string Site, string StudyId, string TimePoint, VisitState State, bool OutsideWindow = false)
{
    public override string ToString() => $"{Day:yyyy-MM-dd} {Site} {StudyId} {TimePoint} {State}{(OutsideWindow ? " (outside window)" : string.Empty)}";

    public static IEnumerable<Announcement> Of(ReminderDigest digest) =>
        digest.Reminders.Select(r => new Announcement(digest.Date, digest.Site, r.StudyId, r.TimePoint, r.State, r.OutsideWindow));
}

/// <summary>The default protocol's numbers, written out independently of the code under test (clinical-instruments.md).</summary>
internal static class DefaultWindows
{
    public static readonly (string Code, int Target, int Before, int After)[] TimePoints =
    [
        ("6w", 42, 14, 14), ("12w", 84, 21, 21), ("26w", 182, 28, 28), ("52w", 364, 42, 42),
    ];

    public const int Lead = 14;

    public static (string Code, int Target, int Before, int After) Of(string code) => TimePoints.Single(t => t.Code == code);

    /// <summary>The day (after index) a visit enters a state by the calendar.</summary>
    public static int DayOf(string code, VisitState state)
    {
        var (_, target, before, after) = Of(code);
        return state switch
        {
            VisitState.Upcoming => target - before - Lead,
            VisitState.Due => target - before,
            VisitState.Overdue => target + 1,
            VisitState.Missed => target + after + 1,
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    /// <summary>The calendar announcements of one visit, from upcoming up to <paramref name="last"/>.</summary>
    public static IEnumerable<Announcement> Calendar(string site, string studyId, DateOnly index, string code, VisitState last = VisitState.Missed)
    {
        foreach (var state in new[] { VisitState.Upcoming, VisitState.Due, VisitState.Overdue, VisitState.Missed })
        {
            yield return new Announcement(index.AddDays(DayOf(code, state)), site, studyId, code, state);
            if (state == last)
            {
                yield break;
            }
        }
    }
}
