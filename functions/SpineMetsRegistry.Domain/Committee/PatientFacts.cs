using System.Globalization;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>What one follow-up visit contributes: its vital status and its outcome values.</summary>
/// <param name="VitalStatus">The <c>vital_status</c> code ("missing" when absent).</param>
/// <param name="Values">Outcome values by measure code.</param>
public sealed record VisitFacts(string VitalStatus, IReadOnlyDictionary<string, decimal> Values);

/// <summary>
/// One patient as the committee's statistics see them: the filter key, the NESMS, the survival
/// time and the outcome values per time point. Built from the patient's stored records; the
/// study ID is used only to link them and is not kept.
/// </summary>
/// <param name="Key">Period (index year), primary tumour group and index treatment.</param>
/// <param name="Nesms">NESMS total as text ("unknown" when not computable).</param>
/// <param name="Survival">The survival time, or null when none is derivable (see <see cref="SurvivalRule"/>).</param>
/// <param name="Baseline">Baseline outcome values by measure code.</param>
/// <param name="Visits">Follow-up visits by time point code.</param>
public sealed record PatientFacts(
    CellKey Key,
    string Nesms,
    SurvivalObservation? Survival,
    IReadOnlyDictionary<string, decimal> Baseline,
    IReadOnlyDictionary<string, VisitFacts> Visits)
{
    /// <summary>The patient's categories in the clinical tables (neurology, ambulation, SAVES) and first-year QALYs.</summary>
    public ClinicalFacts Clinical { get; init; } = ClinicalFacts.None;

    /// <summary>
    /// The facts of every patient with an enrollment among <paramref name="records"/> (visits
    /// without an enrollment are ignored: they cannot be placed in a cell).
    /// </summary>
    /// <param name="records">A site's stored records.</param>
    /// <param name="measures">The outcome measures to read.</param>
    public static IReadOnlyList<PatientFacts> FromRecords(IEnumerable<AggregationRecord> records, IReadOnlyList<OutcomeMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(measures);
        return records
            .GroupBy(r => r.StudyId, StringComparer.Ordinal)
            .Select(g => From(g.ToList(), measures))
            .OfType<PatientFacts>()
            .ToList();
    }

    private static PatientFacts? From(List<AggregationRecord> records, IReadOnlyList<OutcomeMeasure> measures)
    {
        var enrollment = records.FirstOrDefault(r => r.Kind == RecordKind.Enrollment);
        if (enrollment is null)
        {
            return null;
        }

        var indexDate = ParseDate(enrollment.Value("index_date"));
        var year = enrollment.Value("index_date") is { Length: >= 4 } d ? d[..4] : enrollment.Value("index_year") ?? CommitteeDimensions.Unknown;
        var key = new CellKey(year, CommitteeDimensions.PrimaryGroup(enrollment.Value("primary_tumour")), enrollment.Value("index_treatment") ?? CommitteeDimensions.Unknown);
        var nesms = enrollment.ScoreNumber("nesms_total") is { } n ? n.ToString("0", CultureInfo.InvariantCulture) : CommitteeDimensions.Unknown;

        var visits = new Dictionary<string, VisitFacts>(StringComparer.Ordinal);
        int? deathDay = null;
        int? lastAlive = null;
        var dated = new List<DatedVisit>();
        foreach (var visit in records.Where(r => r.Kind == RecordKind.FollowUp))
        {
            var status = visit.Value("vital_status") ?? "missing";
            var day = Day(visit, "visit_day", "visit_date", indexDate);
            dated.Add(new DatedVisit(visit, day));
            if (status == "deceased")
            {
                deathDay = Day(visit, "death_day", "death_date", indexDate) ?? deathDay;
            }
            else if (day is { } known && status is "alive" or "lost")
            {
                lastAlive = Math.Max(lastAlive ?? 0, known);
            }

            var timePoint = visit.Value("time_point");
            if (timePoint is null || !CommitteeDimensions.TimePoints.Contains(timePoint, StringComparer.Ordinal))
            {
                continue;
            }

            // Outcomes are counted for visits of living patients only, so an outcome n is a part of the "alive" count of its time point.
            var values = status == "alive" ? Values(visit, measures) : new Dictionary<string, decimal>(StringComparer.Ordinal);
            visits[timePoint] = new VisitFacts(status, values);
        }

        var survival = SurvivalRule.Observe(deathDay, lastAlive).Observation;
        return new PatientFacts(key, nesms, survival, Values(enrollment, measures), visits)
        {
            Clinical = ClinicalFacts.From(enrollment, dated, deathDay, lastAlive),
        };
    }

    private static Dictionary<string, decimal> Values(AggregationRecord record, IReadOnlyList<OutcomeMeasure> measures)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            var value = record.ScoreNumber(measure.Code)
                ?? (decimal.TryParse(record.Value(measure.Code), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null);
            if (value is { } v)
            {
                values[measure.Code] = v;
            }
        }

        return values;
    }

    private static int? Day(AggregationRecord record, string dayField, string dateField, DateOnly? indexDate)
    {
        if (int.TryParse(record.Value(dayField), NumberStyles.Integer, CultureInfo.InvariantCulture, out var day))
        {
            return day;
        }

        return indexDate is { } index && ParseDate(record.Value(dateField)) is { } date ? date.DayNumber - index.DayNumber : null;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>The key of a stored statistics cell: one value of each filter dimension.</summary>
/// <param name="Period">Year of the index treatment ("YYYY").</param>
/// <param name="PrimaryGroup">Primary tumour group (<see cref="CommitteeDimensions.PrimaryGroup"/>).</param>
/// <param name="Treatment">Index treatment code.</param>
public sealed record CellKey(string Period, string PrimaryGroup, string Treatment)
{
    /// <summary>The key's values in <see cref="CommitteeDimensions.Names"/> order.</summary>
    public IReadOnlyList<string> Values => [Period, PrimaryGroup, Treatment];

    /// <summary>Whether this (stored, fully specified) key lies under a filter key whose values may be <see cref="CommitteeDimensions.All"/>.</summary>
    /// <param name="filter">The filter.</param>
    public bool Matches(CellKey filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Match(filter.Period, Period) && Match(filter.PrimaryGroup, PrimaryGroup) && Match(filter.Treatment, Treatment);
    }

    /// <summary>The key of every patient (no filter).</summary>
    public static CellKey Everything { get; } = new(CommitteeDimensions.All, CommitteeDimensions.All, CommitteeDimensions.All);

    /// <summary>A text form ("2024|lung|surgery").</summary>
    public override string ToString() => $"{Period}|{PrimaryGroup}|{Treatment}";

    private static bool Match(string filter, string value) => filter == CommitteeDimensions.All || filter == value;
}
