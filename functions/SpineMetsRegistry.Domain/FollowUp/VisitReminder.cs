namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// What a site is told about one expected visit on one day: the study ID and time point,
/// the state, the window and how far into it the day falls. Nothing else about the patient
/// (never an identifier): the window dates come from the site's own index date and go only to
/// that site.
/// </summary>
public sealed record VisitReminder
{
    /// <summary>The study ID.</summary>
    public required string StudyId { get; init; }

    /// <summary>The time point code (e.g. "12w").</summary>
    public required string TimePoint { get; init; }

    /// <summary>The state on the day described.</summary>
    public required VisitState State { get; init; }

    /// <summary>The first day of the window.</summary>
    public required DateOnly WindowOpens { get; init; }

    /// <summary>The target day.</summary>
    public required DateOnly TargetDate { get; init; }

    /// <summary>The last day of the window.</summary>
    public required DateOnly WindowCloses { get; init; }

    /// <summary>Upcoming: days until the window opens.</summary>
    public int? DaysUntilWindowOpens { get; init; }

    /// <summary>Due or overdue: days left in the window (0 on its last day).</summary>
    public int? DaysRemaining { get; init; }

    /// <summary>Overdue or missed: days since the target day.</summary>
    public int? DaysOverdue { get; init; }

    /// <summary>Completed: the day (after index) the received visit took place.</summary>
    public int? ReceivedDay { get; init; }

    /// <summary>Completed: whether the received visit lies outside its window (recorded and flagged, never discarded).</summary>
    public bool OutsideWindow { get; init; }

    /// <summary>Whether a state asks the site to act: upcoming, due, overdue or missed.</summary>
    public static bool IsActionable(VisitState state) =>
        state is VisitState.Upcoming or VisitState.Due or VisitState.Overdue or VisitState.Missed;

    /// <summary>
    /// Whether the site is told about the visit on <paramref name="day"/>: its state is
    /// actionable, or it was completed outside its window (told once, so the site can check
    /// the date). Scheduled, not required and completed-in-window visits need nothing.
    /// </summary>
    public static bool IsAnnounceable(ScheduledVisit visit, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var state = visit.StateOn(day);
        return IsActionable(state) || (state == VisitState.Completed && visit.CompletedOutsideWindow);
    }

    /// <summary>Describes a visit on a day, whatever its state.</summary>
    public static VisitReminder Describe(ScheduledVisit visit, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var state = visit.StateOn(day);
        return new VisitReminder
        {
            StudyId = visit.StudyId,
            TimePoint = visit.TimePoint,
            State = state,
            WindowOpens = visit.WindowOpens,
            TargetDate = visit.TargetDate,
            WindowCloses = visit.WindowCloses,
            DaysUntilWindowOpens = state == VisitState.Upcoming ? visit.WindowOpens.DayNumber - day.DayNumber : null,
            DaysRemaining = state is VisitState.Due or VisitState.Overdue ? visit.WindowCloses.DayNumber - day.DayNumber : null,
            DaysOverdue = state is VisitState.Overdue or VisitState.Missed ? day.DayNumber - visit.TargetDate.DayNumber : null,
            ReceivedDay = state == VisitState.Completed ? visit.CompletedDay : null,
            OutsideWindow = state == VisitState.Completed && visit.CompletedOutsideWindow,
        };
    }

    /// <summary>The reminder for a visit on a day, or null when the site need not be told (<see cref="IsAnnounceable"/>).</summary>
    public static VisitReminder? For(ScheduledVisit visit, DateOnly day) =>
        IsAnnounceable(visit, day) ? Describe(visit, day) : null;

    /// <summary>
    /// The order reminders are listed in: the most urgent first (missed, overdue, due,
    /// upcoming, then late visits received), then by time point and study ID.
    /// </summary>
    public static IComparer<VisitReminder> Urgency { get; } = Comparer<VisitReminder>.Create((a, b) =>
    {
        var byState = Rank(a.State).CompareTo(Rank(b.State));
        if (byState != 0)
        {
            return byState;
        }

        var byTarget = a.TargetDate.CompareTo(b.TargetDate);
        if (byTarget != 0)
        {
            return byTarget;
        }

        var byStudy = string.CompareOrdinal(a.StudyId, b.StudyId);
        return byStudy != 0 ? byStudy : string.CompareOrdinal(a.TimePoint, b.TimePoint);
    });

    private static int Rank(VisitState state) => state switch
    {
        VisitState.Missed => 0,
        VisitState.Overdue => 1,
        VisitState.Due => 2,
        VisitState.Upcoming => 3,
        VisitState.Completed => 4,
        _ => 5,
    };
}
