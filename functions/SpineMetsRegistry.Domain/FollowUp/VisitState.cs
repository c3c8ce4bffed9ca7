namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>Where an expected follow-up visit stands on a given day.</summary>
public enum VisitState
{
    /// <summary>More than the lead time before the window opens: nothing to do yet.</summary>
    Scheduled,

    /// <summary>The window opens within the lead time (default 14 days).</summary>
    Upcoming,

    /// <summary>The window is open and the target day has not passed.</summary>
    Due,

    /// <summary>Past the target day, window still open.</summary>
    Overdue,

    /// <summary>The window closed without a visit in it.</summary>
    Missed,

    /// <summary>A visit for this time point was received (flagged when outside the window).</summary>
    Completed,

    /// <summary>The patient died (or withdrew) before the window opened.</summary>
    NotRequired,
}
