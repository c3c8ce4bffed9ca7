namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>What a batch tells the schedule about one patient.</summary>
/// <param name="IndexDate">The site's index date from an enrollment in the batch, if any.</param>
/// <param name="VisitDays">Scheduled time points received, with the visit day after index.</param>
/// <param name="DeathDay">Day of death after index, if a death was reported.</param>
public sealed record PatientScheduleUpdate(DateOnly? IndexDate, IReadOnlyDictionary<string, int> VisitDays, int? DeathDay);

/// <summary>
/// Plans and updates a patient's expected follow-up visits from the protocol. Pure: the
/// pipeline reads the patient's current schedule, calls this, and writes the result.
/// </summary>
/// <remarks>
/// A protocol change applies to visits not yet completed: their dates are recomputed from
/// the current protocol (and a time point dropped from the protocol is no longer expected),
/// while a completed visit keeps the window it was completed in, so its "outside window"
/// flag never changes after the fact. This is what reminder systems that freeze what they
/// scheduled get wrong.
/// </remarks>
public static class FollowUpScheduler
{
    /// <summary>
    /// The patient's schedule after an update. Returns the visits to keep (insert or replace);
    /// visits of <paramref name="current"/> absent from the result are no longer expected.
    /// </summary>
    public static IReadOnlyList<ScheduledVisit> Update(
        string site,
        string studyId,
        FollowUpProtocol protocol,
        IReadOnlyList<ScheduledVisit> current,
        PatientScheduleUpdate update)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(update);
        var indexDate = update.IndexDate ?? (current.Count > 0 ? current[0].IndexDate : null);
        if (indexDate is not { } origin)
        {
            return current; // no index date known: nothing can be scheduled
        }

        var byTimePoint = current.ToDictionary(v => v.TimePoint, StringComparer.Ordinal);
        var deathDay = update.DeathDay ?? current.Select(v => v.DeathDay).FirstOrDefault(d => d is not null);
        var result = new List<ScheduledVisit>();

        foreach (var point in protocol.TimePoints)
        {
            byTimePoint.TryGetValue(point.Code, out var existing);
            int? completedDay = update.VisitDays.TryGetValue(point.Code, out var day) ? day : existing?.CompletedDay;
            var keepCompletedWindow = existing is { CompletedDay: not null } && !update.VisitDays.ContainsKey(point.Code) && existing.IndexDate == origin;
            result.Add(keepCompletedWindow
                ? existing! with { DeathDay = deathDay }
                : new ScheduledVisit
                {
                    Site = site,
                    StudyId = studyId,
                    TimePoint = point.Code,
                    IndexDate = origin,
                    TargetDay = point.TargetDay,
                    WindowBeforeDays = point.WindowBeforeDays,
                    WindowAfterDays = point.WindowAfterDays,
                    UpcomingLeadDays = protocol.UpcomingLeadDays,
                    ProtocolFingerprint = protocol.Fingerprint,
                    CompletedDay = completedDay,
                    DeathDay = deathDay,
                });
        }

        // Completed visits of time points the protocol no longer has stay on record.
        result.AddRange(current.Where(v => v.CompletedDay is not null && protocol.Find(v.TimePoint) is null).Select(v => v with { DeathDay = deathDay }));
        return result;
    }

    /// <summary>
    /// Re-plans a patient's visits after a protocol change (no new data): completed visits
    /// keep their window, the others move to the current protocol.
    /// </summary>
    public static IReadOnlyList<ScheduledVisit> ApplyProtocol(FollowUpProtocol protocol, IReadOnlyList<ScheduledVisit> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Count == 0)
        {
            return current;
        }

        var first = current[0];
        return Update(first.Site, first.StudyId, protocol, current, new PatientScheduleUpdate(null, new Dictionary<string, int>(), null));
    }
}
