using System.Globalization;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Outcomes;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>A follow-up record with its day after the index treatment (null when no day is derivable).</summary>
/// <param name="Record">The follow-up record.</param>
/// <param name="Day">Its day after the index treatment.</param>
public sealed record DatedVisit(AggregationRecord Record, int? Day);

/// <summary>
/// What one patient contributes to the committee's clinical tables: a category per
/// <see cref="ClinicalTally"/> (none when the patient does not enter the tally) and the
/// first-year QALY per missing-visit policy.
/// </summary>
/// <param name="Categories">Category by tally name.</param>
/// <param name="Qalys">First-year QALY by policy code (<see cref="ClinicalTally.QalyPolicyCode"/>), when computable.</param>
public sealed record ClinicalFacts(IReadOnlyDictionary<string, string> Categories, IReadOnlyDictionary<string, decimal> Qalys)
{
    private const string Eq5dIndex = "eq5d_index";

    /// <summary>A patient in no tally.</summary>
    public static ClinicalFacts None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, decimal>());

    /// <summary>
    /// The clinical facts of a patient. Follow-up values count only from visits whose vital status
    /// is <c>alive</c> (like the outcome values, so each tally at a time point is a part of that
    /// time point's living count); the worst SAVES grade is read from every follow-up visit.
    /// </summary>
    /// <param name="enrollment">The enrollment record.</param>
    /// <param name="visits">The follow-up records with their days.</param>
    /// <param name="deathDay">Day of death, when deceased.</param>
    /// <param name="lastAliveDay">Latest day known alive, when any.</param>
    public static ClinicalFacts From(AggregationRecord enrollment, IReadOnlyList<DatedVisit> visits, int? deathDay, int? lastAliveDay)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(visits);
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        var alive = visits
            .Where(v => v.Record.Value("vital_status") == "alive" && v.Record.Value("time_point") is { } t && CommitteeDimensions.TimePoints.Contains(t, StringComparer.Ordinal))
            .GroupBy(v => v.Record.Value("time_point")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

        var sixWeeks = alive.TryGetValue("6w", out var six) ? six.Record : null;
        Put(categories, ClinicalTally.AsiaChange, NeurologicalChange.Classify(Grade(NeurologyCodes.Asia, enrollment, "asia_grade"), Grade(NeurologyCodes.Asia, sixWeeks, "asia_grade")));
        Put(categories, ClinicalTally.FrankelChange, NeurologicalChange.Classify(Grade(NeurologyCodes.Frankel, enrollment, "frankel_grade"), Grade(NeurologyCodes.Frankel, sixWeeks, "frankel_grade")));

        foreach (var timePoint in CommitteeDimensions.TimePoints)
        {
            var record = timePoint == CommitteeDimensions.TimePoints[0] ? enrollment : alive.TryGetValue(timePoint, out var v) ? v.Record : null;
            var tally = ClinicalTally.Ambulatory(timePoint);
            if (record?.Value("ambulatory_status") is { } status && tally.Categories.Contains(status, StringComparer.Ordinal))
            {
                categories[tally.Name] = status;
            }
        }

        // The categories run from none to IV, so the worst grade is the one with the highest index.
        var grades = ClinicalTally.WorstSaves.Categories;
        var worst = visits.Select(v => v.Record.Value("saves_grade") is { } g ? IndexOf(grades, g) : -1).DefaultIfEmpty(-1).Max();
        if (worst >= 0)
        {
            categories[ClinicalTally.WorstSaves.Name] = grades[worst];
        }

        var qalys = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var baseline = Utility(enrollment);
        var utilityVisits = UtilityVisits(visits, alive, deathDay, lastAliveDay);
        foreach (var policy in ClinicalTally.QalyPolicies)
        {
            var result = QualityAdjustedSurvival.FirstYear(baseline, utilityVisits, deathDay, lastAliveDay ?? 0, policy);
            categories[ClinicalTally.Qaly(policy).Name] = result.Qaly is null ? result.Problem ?? QalyResult.MissingBaseline : ClinicalTally.WithQaly;
            if (result.Qaly is { } qaly)
            {
                qalys[ClinicalTally.QalyPolicyCode(policy)] = qaly;
            }
        }

        return new ClinicalFacts(categories, qalys);
    }

    /// <summary>
    /// The scheduled visits due while the patient was alive in the first year: a living patient's
    /// visit with its day and EQ-5D index, and, for a time point without one, its target day
    /// (weeks × 7) with no index, when that day falls before death and on or before the last day known alive.
    /// </summary>
    private static List<UtilityVisit> UtilityVisits(IReadOnlyList<DatedVisit> visits, Dictionary<string, DatedVisit> alive, int? deathDay, int? lastAliveDay)
    {
        var result = new List<UtilityVisit>();
        foreach (var timePoint in CommitteeDimensions.TimePoints.Skip(1))
        {
            var target = int.Parse(timePoint.AsSpan(0, timePoint.Length - 1), NumberStyles.Integer, CultureInfo.InvariantCulture) * 7;
            if (alive.TryGetValue(timePoint, out var visit))
            {
                result.Add(new UtilityVisit(visit.Day ?? target, Utility(visit.Record)));
            }
            else if ((deathDay is null || target < deathDay) && (deathDay is not null || target <= (lastAliveDay ?? 0)))
            {
                result.Add(new UtilityVisit(target, null));
            }
        }

        // A visit of a living patient at an unscheduled time point still carries an observed utility.
        result.AddRange(visits
            .Where(v => v.Record.Value("vital_status") == "alive" && v.Day is not null && !alive.ContainsValue(v) && Utility(v.Record) is not null)
            .Select(v => new UtilityVisit(v.Day!.Value, Utility(v.Record))));
        return result;
    }

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] == code)
            {
                return i;
            }
        }

        return -1;
    }

    private static decimal? Utility(AggregationRecord record) =>
        record.ScoreNumber(Eq5dIndex)
        ?? (decimal.TryParse(record.Value(Eq5dIndex), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null);

    private static T? Grade<T>(Instruments.CodeTable<T> table, AggregationRecord? record, string field)
        where T : struct, Enum =>
        record is not null && table.TryParse(record.Value(field), out var grade) ? grade : null;

    private static void Put(Dictionary<string, string> categories, ClinicalTally tally, GradeChange? change)
    {
        if (change is { } c)
        {
            categories[tally.Name] = NeurologicalChange.Code(c);
        }
    }
}
