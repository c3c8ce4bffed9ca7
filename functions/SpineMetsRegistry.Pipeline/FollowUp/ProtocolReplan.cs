using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>
/// Applies a changed follow-up protocol to the whole schedule: every visit not yet completed
/// moves to the new windows (<see cref="FollowUpScheduler.ApplyProtocol"/>), completed ones
/// keep the window they were completed in, and visits of dropped time points that were never
/// completed are no longer expected. Moved visits whose state the move changed, or that the
/// site must hear about, are marked for review on the day and the next, so the sweep
/// announces their new state (<see cref="PatientScheduleWriter.MarkAsync"/>). It reads the whole
/// schedule once per protocol change, by design: a protocol change touches every patient.
/// Idempotent: a rerun finds nothing left to move and records the protocol as applied.
/// </summary>
public sealed class ProtocolReplan(IScheduleStore schedule, IReminderLog log, RegistryPolicies policies)
{
    /// <summary>Whether the schedule was last re-planned with another protocol than the configured one.</summary>
    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default) =>
        await log.GetAppliedProtocolAsync(cancellationToken) != policies.Protocol.Fingerprint;

    /// <summary>Re-plans every site's schedule with the configured protocol.</summary>
    public async Task<ProtocolReplanResult> RunAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var protocol = policies.Protocol;
        int patients = 0, read = 0, moved = 0, dropped = 0;
        foreach (var site in policies.Configuration.Sites)
        {
            var byPatient = new Dictionary<string, List<ScheduledVisit>>(StringComparer.Ordinal);
            await foreach (var visit in schedule.ListSiteAsync(site.Code, cancellationToken))
            {
                read++;
                if (!byPatient.TryGetValue(visit.StudyId, out var visits))
                {
                    visits = [];
                    byPatient.Add(visit.StudyId, visits);
                }

                visits.Add(visit);
            }

            patients += byPatient.Count;
            foreach (var (studyId, current) in byPatient)
            {
                var next = FollowUpScheduler.ApplyProtocol(protocol, current);
                var changed = next.Where(n => !current.Contains(n)).ToList();
                var gone = current.Where(c => !next.Any(n => n.TimePoint == c.TimePoint)).Select(c => c.TimePoint).ToList();
                if (changed.Count > 0)
                {
                    // Marks first, as the ingest writes them: the visits are indexed from this day
                    // only, so a visit whose state today comes from an earlier transition reaches
                    // the sweep through its mark, and a crash after the write must not lose it (a
                    // rerun finds the visits already moved and marks nothing).
                    await PatientScheduleWriter.MarkAsync(schedule, current, changed, day, cancellationToken);
                    await schedule.UpsertAsync(changed, current, indexFrom: day, cancellationToken);
                }

                if (gone.Count > 0)
                {
                    await schedule.DeleteVisitsAsync(site.Code, studyId, gone, cancellationToken);
                }

                moved += changed.Count;
                dropped += gone.Count;
            }
        }

        await log.SetAppliedProtocolAsync(protocol.Fingerprint, cancellationToken);
        return new ProtocolReplanResult(protocol.Fingerprint, patients, read, moved, dropped);
    }
}
