using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Pipeline.Schedule;

/// <summary>
/// Writes patients' schedules after new data: plans or updates the visits from the protocol,
/// removes visits no longer expected, and marks for review, on the day the data arrived and the
/// next, every visit the site must hear about. Without that mark a visit that was already due,
/// overdue or missed when its patient was first uploaded (a batch of old enrollments, a late
/// visit) would have all its calendar transitions in the past, where no future sweep reads. Two
/// days, because the sweep of the arrival day may already have run.
/// <para>
/// A group of patients is written together: the schedule's date index has one partition per
/// day, so one patient's rows are a request per day while a group's rows share days and go in
/// transactions of up to 100 (the ingest profile found the step at 88 % of a batch's time when it
/// wrote patient after patient). Idempotent, and a retry after a crash at any point converges:
/// the review marks, which depend on the visits' state before the change, are written before the
/// visits change, so a retry that finds the visits unchanged computes and writes the same marks,
/// and one that finds them changed finds the marks already written.
/// </para>
/// <para>
/// The visits are indexed from the arrival day only (<see cref="ScheduledVisit.CalendarTransitionsFrom"/>):
/// an earlier transition is in the past of every sweep to come except one catching up over it,
/// and the visit whose state on the arrival day came from such a transition is actionable that
/// day, so it is marked, and the catching-up sweep reads it through its mark. For a batch of past
/// enrollments this leaves out most of the index rows.
/// </para>
/// </summary>
public sealed class PatientScheduleWriter(IScheduleStore schedule)
{
    /// <summary>Applies an update to one patient; returns the patient's expected visits after it.</summary>
    /// <param name="site">The site.</param>
    /// <param name="studyId">The study ID.</param>
    /// <param name="protocol">The current follow-up protocol.</param>
    /// <param name="describe">Builds the update from the patient's current visits (dates become days from the index date).</param>
    /// <param name="arrivalDay">The (UTC) day the data arrived.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<ScheduledVisit>> ApplyAsync(
        string site,
        string studyId,
        FollowUpProtocol protocol,
        Func<IReadOnlyList<ScheduledVisit>, PatientScheduleUpdate> describe,
        DateOnly arrivalDay,
        CancellationToken cancellationToken = default) =>
        (await ApplyAllAsync(site, [new PatientScheduleChange(studyId, describe)], protocol, arrivalDay, cancellationToken))[0];

    /// <summary>Applies updates to a group of patients of one site; returns each patient's expected visits after it, in order.</summary>
    /// <param name="site">The site.</param>
    /// <param name="patients">The patients (each study ID once) and their updates; in study-ID order, their current schedules are one read.</param>
    /// <param name="protocol">The current follow-up protocol.</param>
    /// <param name="arrivalDay">The (UTC) day the data arrived.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<IReadOnlyList<ScheduledVisit>>> ApplyAllAsync(
        string site,
        IReadOnlyList<PatientScheduleChange> patients,
        FollowUpProtocol protocol,
        DateOnly arrivalDay,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patients);
        // One read gives both the plan's input and the stored versions the write needs to
        // remove the index rows whose dates moved: nothing writes these patients' visits in
        // between (the batch's steps run one after the other, and the review marks below do not
        // touch them).
        var stored = await schedule.GetPatientsAsync(site, patients.Select(p => p.StudyId).ToList(), cancellationToken);
        var current = new IReadOnlyList<ScheduledVisit>[patients.Count];
        var next = new IReadOnlyList<ScheduledVisit>[patients.Count];
        for (var i = 0; i < patients.Count; i++)
        {
            current[i] = stored[patients[i].StudyId];
            next[i] = FollowUpScheduler.Update(site, patients[i].StudyId, protocol, current[i], patients[i].Describe(current[i]));
        }

        var before = current.SelectMany(c => c).ToList();
        var after = next.SelectMany(n => n).ToList();
        await MarkAsync(schedule, before, after, arrivalDay, cancellationToken);
        // Indexed from the arrival day only: the marks just written cover every visit whose state
        // on that day came from an earlier transition (a batch of past enrollments has most of
        // its transitions in the past, and a completed visit's later ones change nothing).
        await schedule.UpsertAsync(after, before, arrivalDay, cancellationToken);
        for (var i = 0; i < patients.Count; i++)
        {
            var dropped = current[i].Where(c => !next[i].Any(n => n.TimePoint == c.TimePoint)).Select(c => c.TimePoint).ToList();
            if (dropped.Count > 0)
            {
                // A time point the protocol no longer has, never completed: no longer expected.
                await schedule.DeleteVisitsAsync(site, patients[i].StudyId, dropped, cancellationToken);
            }
        }

        return next;
    }

    /// <summary>
    /// Marks for review on <paramref name="day"/> and the day after the visits the sweep must
    /// look at: those the site must hear about on either day (an actionable state, or
    /// received outside the window), and those whose state on <paramref name="day"/> the
    /// change moved (e.g. due to completed, or upcoming back to scheduled), so the sweep
    /// updates its record of what the site was told. Other visits are not marked: the sweep
    /// would only read them.
    /// </summary>
    public static Task MarkAsync(IScheduleStore schedule, IReadOnlyList<ScheduledVisit> before, IReadOnlyList<ScheduledVisit> after, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var next = day.AddDays(1);
        var previous = before.ToDictionary(v => (v.StudyId, v.TimePoint));
        var marked = after.Where(v =>
                VisitReminder.IsAnnounceable(v, day)
                || VisitReminder.IsAnnounceable(v, next)
                || (previous.TryGetValue((v.StudyId, v.TimePoint), out var old) && old.StateOn(day) != v.StateOn(day)))
            .ToList();
        return marked.Count == 0 ? Task.CompletedTask : schedule.MarkForReviewAsync(marked, [day, next], cancellationToken);
    }
}

/// <summary>One patient's schedule change: the study ID and how to build the update from the patient's current visits.</summary>
/// <param name="StudyId">The study ID.</param>
/// <param name="Describe">Builds the update from the patient's current visits (dates become days from the index date).</param>
public sealed record PatientScheduleChange(string StudyId, Func<IReadOnlyList<ScheduledVisit>, PatientScheduleUpdate> Describe);
