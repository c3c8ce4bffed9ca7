namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// A site's follow-up reminder digest for one day: the visits whose reminder state changed
/// since the site was last told (upcoming, due, overdue, missed), and visits received
/// outside their window (told once). Study IDs and time points only, never an identifier.
/// Deterministic: the same reminders always give the same bytes (no generation time), so a
/// rerun of a day can tell whether it would send anything new.
/// </summary>
public sealed record ReminderDigest
{
    /// <summary>The site.</summary>
    public required string Site { get; init; }

    /// <summary>The day the digest is for.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The fingerprint of the follow-up protocol the windows come from.</summary>
    public required string Protocol { get; init; }

    /// <summary>How many reminders of each kind.</summary>
    public ReminderCounts Counts => ReminderCounts.Of(Reminders);

    /// <summary>The reminders, most urgent first (<see cref="VisitReminder.Urgency"/>).</summary>
    public required IReadOnlyList<VisitReminder> Reminders { get; init; }

    /// <summary>Creates a digest, ordering the reminders by urgency.</summary>
    public static ReminderDigest Create(string site, DateOnly date, string protocol, IEnumerable<VisitReminder> reminders) => new()
    {
        Site = site,
        Date = date,
        Protocol = protocol,
        Reminders = reminders.Order(VisitReminder.Urgency).ToList(),
    };
}

/// <summary>How many reminders of each kind a list holds.</summary>
/// <param name="Missed">Missed visits.</param>
/// <param name="Overdue">Overdue visits.</param>
/// <param name="Due">Due visits.</param>
/// <param name="Upcoming">Upcoming visits.</param>
/// <param name="CompletedOutsideWindow">Visits received outside their window.</param>
public sealed record ReminderCounts(int Missed, int Overdue, int Due, int Upcoming, int CompletedOutsideWindow)
{
    /// <summary>Counts a list of reminders.</summary>
    public static ReminderCounts Of(IEnumerable<VisitReminder> reminders)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var list = reminders as IReadOnlyCollection<VisitReminder> ?? reminders.ToList();
        return new ReminderCounts(
            list.Count(r => r.State == VisitState.Missed),
            list.Count(r => r.State == VisitState.Overdue),
            list.Count(r => r.State == VisitState.Due),
            list.Count(r => r.State == VisitState.Upcoming),
            list.Count(r => r.State == VisitState.Completed && r.OutsideWindow));
    }
}
