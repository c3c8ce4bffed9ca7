using System.Globalization;
using System.Text;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Update the follow-up schedule of the batch's patients: an enrollment plans its visits
/// from the protocol and the site's own index date; a follow-up completes its time point; a
/// death stops the visits whose window had not opened. Visits the site must hear about now
/// are marked for the sweeps of today and tomorrow (<see cref="PatientScheduleWriter"/>), a group
/// of <see cref="PatientsPerGroup"/> patients at a time.
/// Reads the staged chunks again, so only references cross the workflow. Idempotent: the
/// result is a function of the stored schedule and the batch.
/// </summary>
public sealed class ScheduleActivity(ICentralBlobs central, IScheduleStore schedule, IBatchLedger ledger, RegistryPolicies policies)
{
    /// <summary>
    /// Patients written together: their date-index rows share day partitions, so a group's rows
    /// go in transactions instead of a request per patient and day (see <see cref="PatientScheduleWriter"/>).
    /// </summary>
    public const int PatientsPerGroup = 1_000;

    private readonly PatientScheduleWriter _writer = new(schedule);

    /// <summary>Runs the activity.</summary>
    public async Task<bool> RunAsync(BatchStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry))
        {
            return true; // a late duplicate execution: the batch's staging is gone and the schedule may have moved on
        }

        var updates = await CollectAsync(step, cancellationToken);
        var written = 0;
        var arrivalDay = DateOnly.FromDateTime(step.At.UtcDateTime);
        // In study-ID order, so a group's current schedules are one range of the site's rows.
        foreach (var group in updates.OrderBy(p => p.Key, StringComparer.Ordinal).Chunk(PatientsPerGroup))
        {
            var changes = group.Select(p => new PatientScheduleChange(p.Key, p.Value.ToUpdate)).ToList();
            var next = await _writer.ApplyAllAsync(step.Site, changes, policies.Protocol, arrivalDay, cancellationToken);
            written += next.Sum(visits => visits.Count);
        }

        await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Scheduled, step.At,
            string.Create(CultureInfo.InvariantCulture, $"{written} expected visits of {updates.Count} patients updated"), null, cancellationToken);
        return true;
    }

    private async Task<Dictionary<string, PatientFacts>> CollectAsync(BatchStep step, CancellationToken cancellationToken)
    {
        var patients = new Dictionary<string, PatientFacts>(StringComparer.Ordinal);
        await foreach (var name in central.ListAsync(CentralArea.Staging, BatchBlobNames.StagingPrefix(step.Site, step.BatchKey), cancellationToken))
        {
            await using var stream = await central.OpenReadAsync(CentralArea.Staging, name, cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var staged = StagedRecord.FromJsonLine(line);
                if (staged.Kind == RecordKinds.WithdrawalCode)
                {
                    continue; // the store step removed the patient's schedule
                }

                if (!patients.TryGetValue(staged.StudyId, out var facts))
                {
                    facts = new PatientFacts();
                    patients.Add(staged.StudyId, facts);
                }

                facts.Add(staged);
            }
        }

        return patients;
    }

    /// <summary>What the batch says about one patient's schedule.</summary>
    private sealed class PatientFacts
    {
        private readonly List<(string TimePoint, int? Day, DateOnly? Date)> _visits = [];
        private DateOnly? _indexDate;
        private int? _deathDay;
        private DateOnly? _deathDate;

        public void Add(StagedRecord staged)
        {
            if (staged.Kind == RecordKinds.EnrollmentCode && staged.ScheduleIndexDate is { } index)
            {
                _indexDate = DateOnly.ParseExact(index, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return;
            }

            var values = staged.Values;
            if (values.TryGetValue("time_point", out var timePoint) && timePoint != RegistryRecord.UnscheduledTimePoint
                && values.TryGetValue("vital_status", out var status) && status != "deceased")
            {
                _visits.Add((timePoint, Int(values, "visit_day"), Date(values, "visit_date")));
            }

            if (values.TryGetValue("vital_status", out var vital) && vital == "deceased")
            {
                _deathDay ??= Int(values, "death_day");
                _deathDate ??= Date(values, "death_date");
            }
        }

        public PatientScheduleUpdate ToUpdate(IReadOnlyList<ScheduledVisit> current)
        {
            var indexDate = _indexDate ?? (current.Count > 0 ? current[0].IndexDate : null);
            int? DayOf(int? day, DateOnly? date) => day ?? (date is { } d && indexDate is { } i ? d.DayNumber - i.DayNumber : null);

            var visitDays = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (timePoint, day, date) in _visits)
            {
                if (DayOf(day, date) is { } visitDay)
                {
                    visitDays[timePoint] = visitDay;
                }
            }

            return new PatientScheduleUpdate(_indexDate, visitDays, DayOf(_deathDay, _deathDate));
        }

        private static int? Int(Dictionary<string, string> values, string field) =>
            values.TryGetValue(field, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : null;

        private static DateOnly? Date(Dictionary<string, string> values, string field) =>
            values.TryGetValue(field, out var text) ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }
}
