using SpineMetsRegistry.Domain.Statistics;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// The sufficient statistics of one outcome measure at one time point in one cell: counts per
/// distinct value (exact medians and quartiles, means and SDs from the same counts), counts per
/// distinct paired change from baseline, and how many changes reach the MCID.
/// </summary>
/// <param name="Values">Counts per value.</param>
/// <param name="Changes">Counts per paired change (follow-up minus baseline; empty at baseline).</param>
/// <param name="McidReached">Paired changes that reach the MCID.</param>
public sealed record OutcomeStatistics(ValueCounts Values, ValueCounts Changes, long McidReached)
{
    /// <summary>No value.</summary>
    public static OutcomeStatistics Empty { get; } = new(ValueCounts.Empty, ValueCounts.Empty, 0);

    /// <summary>The statistics of two disjoint sets of patients.</summary>
    /// <param name="other">The other statistics.</param>
    public OutcomeStatistics Merge(OutcomeStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Values.Merge(other.Values), Changes.Merge(other.Changes), checked(McidReached + other.McidReached));
    }
}

/// <summary>
/// The sufficient statistics of the patients of one <see cref="CellKey"/>: enrolment, survival
/// (per-day deaths and censorings, overall and by NESMS), visits per time point and vital
/// status, every outcome measure per time point, the clinical tallies (neurology, ambulation,
/// SAVES, QALY results) and first-year QALY sums. Cells merge by addition, exactly.
/// </summary>
public sealed record StatisticsCell
{
    /// <summary>Patients enrolled.</summary>
    public long Enrolled { get; init; }

    /// <summary>Per-day deaths and censorings of the patients with a survival time.</summary>
    public SurvivalCounts Survival { get; init; } = SurvivalCounts.Empty;

    /// <summary>The same by NESMS total.</summary>
    public IReadOnlyDictionary<string, SurvivalCounts> SurvivalByNesms { get; init; } = new Dictionary<string, SurvivalCounts>();

    /// <summary>Follow-up visits by time point and vital status.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Visits { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, long>>();

    /// <summary>Outcome statistics by measure code, then time point.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, OutcomeStatistics>> Outcomes { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, OutcomeStatistics>>();

    /// <summary>Patients per category of each <see cref="ClinicalTally"/>, by tally name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Tallies { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, long>>();

    /// <summary>Sums of the first-year QALYs by missing-visit policy code (<see cref="ClinicalTally.QalyPolicyCode"/>).</summary>
    public IReadOnlyDictionary<string, MomentSums> Qalys { get; init; } = new Dictionary<string, MomentSums>();

    /// <summary>A cell with no patient.</summary>
    public static StatisticsCell Empty { get; } = new();

    /// <summary>The number of visits at a time point ("baseline": the enrolled patients).</summary>
    /// <param name="timePoint">Time point code.</param>
    public long VisitsAt(string timePoint) => timePoint == CommitteeDimensions.TimePoints[0]
        ? Enrolled
        : Visits.TryGetValue(timePoint, out var byStatus) ? byStatus.Values.Sum() : 0;

    /// <summary>Visits at a time point with a vital status.</summary>
    /// <param name="timePoint">Time point code.</param>
    /// <param name="status">Vital status code.</param>
    public long VisitsWith(string timePoint, string status) =>
        Visits.TryGetValue(timePoint, out var byStatus) && byStatus.TryGetValue(status, out var n) ? n : 0;

    /// <summary>Patients in a category of a tally (0 when none).</summary>
    /// <param name="tally">Tally name.</param>
    /// <param name="category">Category code.</param>
    public long Tally(string tally, string category) =>
        Tallies.TryGetValue(tally, out var byCategory) && byCategory.TryGetValue(category, out var n) ? n : 0;

    /// <summary>The QALY sums under a policy (empty when none).</summary>
    /// <param name="policy">Policy code.</param>
    public MomentSums Qaly(string policy) => Qalys.TryGetValue(policy, out var sums) ? sums : MomentSums.Empty;

    /// <summary>Outcome statistics of a measure at a time point (empty when none).</summary>
    /// <param name="measure">Measure code.</param>
    /// <param name="timePoint">Time point code.</param>
    public OutcomeStatistics Outcome(string measure, string timePoint) =>
        Outcomes.TryGetValue(measure, out var byTime) && byTime.TryGetValue(timePoint, out var stats) ? stats : OutcomeStatistics.Empty;

    /// <summary>The statistics of one patient.</summary>
    /// <param name="patient">The patient's facts.</param>
    /// <param name="measures">The outcome measures.</param>
    public static StatisticsCell Of(PatientFacts patient, IReadOnlyList<OutcomeMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(measures);
        var survival = patient.Survival is { } time ? SurvivalCounts.Of([time]) : SurvivalCounts.Empty;
        var outcomes = new Dictionary<string, IReadOnlyDictionary<string, OutcomeStatistics>>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            var byTime = new Dictionary<string, OutcomeStatistics>(StringComparer.Ordinal);
            var baseline = patient.Baseline.TryGetValue(measure.Code, out var b) ? b : (decimal?)null;
            if (baseline is { } first)
            {
                byTime[CommitteeDimensions.TimePoints[0]] = OutcomeStatistics.Empty with { Values = ValueCounts.Of([first]) };
            }

            foreach (var (timePoint, visit) in patient.Visits)
            {
                if (!visit.Values.TryGetValue(measure.Code, out var value))
                {
                    continue;
                }

                var change = baseline is { } start ? value - start : (decimal?)null;
                byTime[timePoint] = new OutcomeStatistics(
                    ValueCounts.Of([value]),
                    change is { } c ? ValueCounts.Of([c]) : ValueCounts.Empty,
                    change is { } d && measure.ReachesMcid(d) ? 1 : 0);
            }

            if (byTime.Count > 0)
            {
                outcomes[measure.Code] = byTime;
            }
        }

        return new StatisticsCell
        {
            Enrolled = 1,
            Survival = survival,
            SurvivalByNesms = patient.Survival is null ? new Dictionary<string, SurvivalCounts>() : new Dictionary<string, SurvivalCounts>(StringComparer.Ordinal) { [patient.Nesms] = survival },
            Visits = patient.Visits.ToDictionary(
                v => v.Key,
                v => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(StringComparer.Ordinal) { [v.Value.VitalStatus] = 1 },
                StringComparer.Ordinal),
            Outcomes = outcomes,
            Tallies = patient.Clinical.Categories.ToDictionary(
                c => c.Key,
                c => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(StringComparer.Ordinal) { [c.Value] = 1 },
                StringComparer.Ordinal),
            Qalys = patient.Clinical.Qalys.ToDictionary(q => q.Key, q => MomentSums.Empty.Add(q.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>The statistics of two disjoint sets of patients (associative and commutative).</summary>
    /// <param name="other">The other cell.</param>
    public StatisticsCell Merge(StatisticsCell other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MergeAll([this, other]);
    }

    /// <summary>The merge of many cells.</summary>
    /// <param name="cells">The cells.</param>
    public static StatisticsCell MergeAll(IEnumerable<StatisticsCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var builder = new StatisticsCellBuilder();
        foreach (var cell in cells)
        {
            builder.Add(cell);
        }

        return builder.ToCell();
    }
}
