using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Pipeline.Schedule;

/// <summary>
/// Writes one patient's schedule after new data: plans or updates the visits from the
/// protocol, removes visits no longer expected, and marks for review, on the day the data
/// arrived and the next, every visit the site must hear about. Without that mark a visit
/// that was already due, overdue or missed when its patient was first uploaded (a batch of
/// old enrollments, a late visit) would have all its calendar transitions in the past, where
/// no future sweep reads. Two days, because the sweep of the arrival day may already have
/// run. Idempotent: a retry writes the same rows.
/// </summary>
public sealed class PatientScheduleWriter(IScheduleStore schedule)
{
    /// <summary>Applies an update; returns the patient's expected visits after it.</summary>
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
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var current = await schedule.GetPatientAsync(site, studyId, cancellationToken);
        var next = FollowUpScheduler.Update(site, studyId, protocol, current, describe(current));
        await schedule.UpsertAsync(next, cancellationToken);
        var dropped = current.Where(c => !next.Any(n => n.TimePoint == c.TimePoint)).Select(c => c.TimePoint).ToList();
        if (dropped.Count > 0)
        {
            // A time point the protocol no longer has, never completed: no longer expected.
            await schedule.DeleteVisitsAsync(site, studyId, dropped, cancellationToken);
        }

        await MarkAsync(schedule, current, next, arrivalDay, cancellationToken);
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
        var previous = before.ToDictionary(v => v.TimePoint, StringComparer.Ordinal);
        var marked = after.Where(v =>
                VisitReminder.IsAnnounceable(v, day)
                || VisitReminder.IsAnnounceable(v, next)
                || (previous.TryGetValue(v.TimePoint, out var old) && old.StateOn(day) != v.StateOn(day)))
            .ToList();
        return marked.Count == 0 ? Task.CompletedTask : schedule.MarkForReviewAsync(marked, [day, next], cancellationToken);
    }
}
