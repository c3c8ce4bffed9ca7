namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// One expected follow-up visit of one patient. Its state on any day is computed from its
/// dates and what has been received, never stored, so a protocol change or a late visit
/// can never leave a stale state behind.
/// </summary>
public sealed record ScheduledVisit
{
    /// <summary>The site.</summary>
    public required string Site { get; init; }

    /// <summary>The study ID.</summary>
    public required string StudyId { get; init; }

    /// <summary>The time point code.</summary>
    public required string TimePoint { get; init; }

    /// <summary>
    /// The site's own index treatment date: the origin of the schedule. Kept here even under
    /// the SafeHarbor date policy so the site's reminders still work; it never enters the
    /// research tables or any aggregate.
    /// </summary>
    public required DateOnly IndexDate { get; init; }

    /// <summary>Target day after index.</summary>
    public required int TargetDay { get; init; }

    /// <summary>Days before the target the window opens.</summary>
    public required int WindowBeforeDays { get; init; }

    /// <summary>Days after the target the window closes.</summary>
    public required int WindowAfterDays { get; init; }

    /// <summary>Days before the window opens that the visit is announced.</summary>
    public required int UpcomingLeadDays { get; init; }

    /// <summary>The protocol fingerprint the dates come from.</summary>
    public required string ProtocolFingerprint { get; init; }

    /// <summary>The day (after index) a visit for this time point was received, if any.</summary>
    public int? CompletedDay { get; init; }

    /// <summary>The day (after index) of the patient's death, if recorded.</summary>
    public int? DeathDay { get; init; }

    /// <summary>The first day of the window.</summary>
    public DateOnly WindowOpens => IndexDate.AddDays(TargetDay - WindowBeforeDays);

    /// <summary>The target day.</summary>
    public DateOnly TargetDate => IndexDate.AddDays(TargetDay);

    /// <summary>The last day of the window.</summary>
    public DateOnly WindowCloses => IndexDate.AddDays(TargetDay + WindowAfterDays);

    /// <summary>The first day the visit is announced as upcoming.</summary>
    public DateOnly UpcomingFrom => WindowOpens.AddDays(-UpcomingLeadDays);

    /// <summary>Whether a received visit lies outside the window (recorded and flagged, never discarded).</summary>
    public bool CompletedOutsideWindow =>
        CompletedDay is { } day && (day < TargetDay - WindowBeforeDays || day > TargetDay + WindowAfterDays);

    /// <summary>The state on a given day.</summary>
    public VisitState StateOn(DateOnly day)
    {
        if (CompletedDay is { } completed && IndexDate.AddDays(completed) <= day)
        {
            return VisitState.Completed;
        }

        // Death before the window opens makes the visit not required; death inside the
        // window after it has opened leaves the visit's fate to what was received.
        if (DeathDay is { } death && death < TargetDay - WindowBeforeDays && IndexDate.AddDays(death) <= day)
        {
            return VisitState.NotRequired;
        }

        if (day < UpcomingFrom)
        {
            return VisitState.Scheduled;
        }

        if (day < WindowOpens)
        {
            return VisitState.Upcoming;
        }

        if (day <= TargetDate)
        {
            return VisitState.Due;
        }

        if (day <= WindowCloses)
        {
            return VisitState.Overdue;
        }

        return VisitState.Missed;
    }

    /// <summary>
    /// The days on which the state can change by the calendar alone (upcoming, due,
    /// overdue, missed). The schedule is indexed by these days so the daily sweep reads
    /// only the visits whose state changes that day.
    /// </summary>
    public IReadOnlyList<(DateOnly Day, VisitState State)> CalendarTransitions() =>
    [
        (UpcomingFrom, VisitState.Upcoming),
        (WindowOpens, VisitState.Due),
        (TargetDate.AddDays(1), VisitState.Overdue),
        (WindowCloses.AddDays(1), VisitState.Missed),
    ];

    /// <summary>
    /// The <see cref="CalendarTransitions"/> on or after <paramref name="from"/> that really
    /// move the visit into their state: a transition on a day the visit is already completed,
    /// or no longer required after the patient's death, changes nothing, and one before
    /// <paramref name="from"/> is in the past of whoever asks.
    /// </summary>
    /// <param name="from">The first day of interest.</param>
    public IReadOnlyList<(DateOnly Day, VisitState State)> CalendarTransitionsFrom(DateOnly from)
    {
        var transitions = new List<(DateOnly Day, VisitState State)>(4);
        foreach (var transition in CalendarTransitions())
        {
            if (transition.Day >= from && StateOn(transition.Day) == transition.State)
            {
                transitions.Add(transition);
            }
        }

        return transitions;
    }
}
