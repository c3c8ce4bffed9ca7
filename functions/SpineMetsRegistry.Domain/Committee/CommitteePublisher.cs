using System.Collections.Concurrent;
using System.Globalization;
using SpineMetsRegistry.Domain.Statistics;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// Answers a filter with the committee's tables for one scope, from stored statistics only.
/// The pooled scope shows the network; a site's scope shows the site's own figures next to the
/// network's (benchmarking), never another site's. Every count passes the scope's
/// <see cref="DisclosureGrid"/>; a statistic is shown only when the count it rests on is.
/// </summary>
public sealed class CommitteePublisher
{
    private readonly IReadOnlyList<OutcomeMeasure> measures;
    private readonly SiteStatistics network;
    private readonly SiteStatistics? own;
    private readonly StatisticsGridBuilder builder;
    private readonly DisclosureGrid grid;
    private readonly IReadOnlyDictionary<string, Outcomes.DataQualityCounts> dataQuality;
    private readonly string? ownSite;

    // Merging the cells under a filter was half of an answer's CPU time (profiled), and every
    // table and grouping of an answer, and the next request, asks for the same filters again:
    // merged cells are kept per view, up to a bound, for this stored version.
    private const int MergedCellsKept = 1024;
    private readonly ConcurrentDictionary<(bool Own, CellKey Filter), StatisticsCell> merged = new();

    /// <summary>A publisher for a scope; the disclosure audit runs once here and serves every filter.</summary>
    /// <param name="measures">The outcome measures.</param>
    /// <param name="network">The pooled statistics.</param>
    /// <param name="own">The site's statistics (null for the pooled scope).</param>
    /// <param name="threshold">Small-cell threshold.</param>
    /// <param name="dataQuality">Every site's data-quality counts (none: an empty table).</param>
    /// <param name="ownSite">The site code of a site's scope (null for the pooled scope).</param>
    public CommitteePublisher(IReadOnlyList<OutcomeMeasure> measures, SiteStatistics network, SiteStatistics? own, int threshold,
        IReadOnlyDictionary<string, Outcomes.DataQualityCounts>? dataQuality = null, string? ownSite = null)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(network);
        this.measures = measures;
        this.network = network;
        this.own = own;
        this.dataQuality = dataQuality ?? new Dictionary<string, Outcomes.DataQualityCounts>();
        this.ownSite = ownSite;
        Threshold = threshold;
        builder = new StatisticsGridBuilder(measures, network);
        grid = builder.Build(network, own, threshold);
    }

    /// <summary>The threshold.</summary>
    public int Threshold { get; }

    /// <summary>The audited grid (for tests and documentation).</summary>
    public DisclosureGrid Grid => grid;

    /// <summary>The filters this scope answers (every value of each dimension and its margin).</summary>
    public IReadOnlyList<CellKey> Filters => builder.Filters();

    /// <summary>The dimension values, in <see cref="CommitteeDimensions.Names"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> DimensionValues => builder.DimensionValues;

    /// <summary>The names of the tables, in publishing order.</summary>
    public static IReadOnlyList<string> TableNames { get; } =
        [
            "enrollment.summary", "survival.curves", "survival.at_risk", "survival.median", "survival.logrank", "visits.vital_status", "outcomes.summary", "outcomes.change",
            "neurology.change", "neurology.ambulatory", "complications.saves", "mortality.early", "qaly.first_year", DataQualityTable.Name,
        ];

    /// <summary>
    /// The tables computed together, in publishing order: the survival tables come from the same
    /// curves, the clinical tables from the same merged cells.
    /// </summary>
    private enum Section
    {
        Enrollment,
        Survival,
        VitalStatus,
        OutcomeSummary,
        OutcomeChange,
        Clinical,
        DataQuality,
    }

    private static readonly Dictionary<string, Section> SectionOfTable = new(StringComparer.Ordinal)
    {
        ["enrollment.summary"] = Section.Enrollment,
        ["survival.curves"] = Section.Survival,
        ["survival.at_risk"] = Section.Survival,
        ["survival.median"] = Section.Survival,
        ["survival.logrank"] = Section.Survival,
        ["visits.vital_status"] = Section.VitalStatus,
        ["outcomes.summary"] = Section.OutcomeSummary,
        ["outcomes.change"] = Section.OutcomeChange,
        ["neurology.change"] = Section.Clinical,
        ["neurology.ambulatory"] = Section.Clinical,
        ["complications.saves"] = Section.Clinical,
        ["mortality.early"] = Section.Clinical,
        ["qaly.first_year"] = Section.Clinical,
        [DataQualityTable.Name] = Section.DataQuality,
    };

    /// <summary>Whether the scope answers a filter (false when it names a value the scope does not have).</summary>
    /// <param name="filter">The filter.</param>
    public bool Answers(CellKey filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return grid.Has(StatisticsGridBuilder.Id(StatisticsGridBuilder.Network, filter, "enrolled"));
    }

    /// <summary>Every table for a filter (null when the filter names a value the scope does not have).</summary>
    /// <param name="scope">The scope's name, for the answer.</param>
    /// <param name="filter">The filter.</param>
    /// <param name="timePoint">Only this time point in the outcome and visit tables (null: all).</param>
    public PublishedStatistics? Publish(string scope, CellKey filter, string? timePoint = null)
    {
        if (!Answers(filter))
        {
            return null;
        }

        return new PublishedStatistics(scope, filter, Threshold, Enum.GetValues<Section>().SelectMany(s => Tables(s, filter, timePoint)).ToList());
    }

    /// <summary>
    /// One table for a filter, computing only the tables computed with it (see
    /// <see cref="TableNames"/>); null when the filter names a value the scope does not have or
    /// the table is unknown.
    /// </summary>
    /// <param name="filter">The filter.</param>
    /// <param name="timePoint">Only this time point in the outcome and visit tables (null: all).</param>
    /// <param name="tableName">One of <see cref="TableNames"/>.</param>
    public StatisticsTable? PublishTable(CellKey filter, string? timePoint, string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        return Answers(filter) && SectionOfTable.TryGetValue(tableName, out var section)
            ? Tables(section, filter, timePoint).Single(t => t.Name == tableName)
            : null;
    }

    // A published table depends only on this stored version, the filter and the time point: the
    // disclosure decision was made for every filter at once when the publisher was built. So a
    // table is computed once and then served from here (the dashboard asks for the same filters
    // again and again), up to a bound.
    private const int SectionsKept = 4096;
    private readonly ConcurrentDictionary<(Section Section, CellKey Filter, string? TimePoint), IReadOnlyList<StatisticsTable>> sections = new();

    private IReadOnlyList<StatisticsTable> Tables(Section section, CellKey filter, string? timePoint)
    {
        var key = (section, filter, timePoint);
        if (sections.TryGetValue(key, out var tables))
        {
            return tables;
        }

        tables = Compute(section, filter, timePoint);
        if (sections.Count < SectionsKept)
        {
            sections.TryAdd(key, tables);
        }

        return tables;
    }

    private List<StatisticsTable> Compute(Section section, CellKey filter, string? timePoint)
    {
        var views = own is null
            ? new List<(string View, SiteStatistics Stats)> { (StatisticsGridBuilder.Network, network) }
            : [(StatisticsGridBuilder.Own, own), (StatisticsGridBuilder.Network, network)];
        var timePoints = CommitteeDimensions.TimePoints.Where(t => timePoint is null || t == timePoint).ToList();
        return section switch
        {
            Section.Enrollment => [Enrollment(views, filter)],
            Section.Survival => Survival(views, filter).ToList(),
            Section.VitalStatus => [VitalStatus(views, filter, timePoints)],
            Section.OutcomeSummary => [OutcomeSummary(views, filter, timePoints)],
            Section.OutcomeChange => [OutcomeChange(views, filter, timePoints)],
            Section.Clinical => ClinicalTables.Publish(views, filter, timePoints, this).ToList(),
            Section.DataQuality => [DataQualityTable.Publish(dataQuality, ownSite, Threshold)],
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown section."),
        };
    }

    /// <summary>A published count: its value, or <c>&lt;threshold</c> / <c>suppressed</c> when the audit hides it.</summary>
    internal object Count(string view, CellKey filter, string measure)
    {
        var id = StatisticsGridBuilder.Id(view, filter, measure);
        return grid.SuppressionOf(id) switch
        {
            Suppression.Primary => string.Create(CultureInfo.InvariantCulture, $"<{Threshold}"),
            Suppression.Complementary => "suppressed",
            _ => grid.Value(id),
        };
    }

    /// <summary>Whether the audit shows a count.</summary>
    internal bool Shown(string view, CellKey filter, string measure) =>
        grid.SuppressionOf(StatisticsGridBuilder.Id(view, filter, measure)) == Suppression.None;

    /// <summary>The merged cell of a view's statistics under a filter (see <see cref="SiteStatistics.Select"/>), kept once computed.</summary>
    internal StatisticsCell Merged(SiteStatistics stats, CellKey filter)
    {
        var key = (ReferenceEquals(stats, own), filter);
        if (merged.TryGetValue(key, out var cell))
        {
            return cell;
        }

        cell = stats.Select(filter);
        if (merged.Count < MergedCellsKept)
        {
            merged.TryAdd(key, cell);
        }

        return cell;
    }

    private StatisticsTable Enrollment(List<(string View, SiteStatistics Stats)> views, CellKey filter) => new(
        "enrollment.summary",
        "Patients enrolled and patients with a survival time",
        ["view", "enrolled", "with_survival_time"],
        views.Select(v => (IReadOnlyList<object?>)[v.View, Count(v.View, filter, "enrolled"), Count(v.View, filter, "surv.n")]).ToList(),
        ["A patient has a survival time when dead, or known alive after the index date (SurvivalRule)."]);

    private IEnumerable<StatisticsTable> Survival(List<(string View, SiteStatistics Stats)> views, CellKey filter)
    {
        var curves = new List<IReadOnlyList<object?>>();
        var atRisk = new List<IReadOnlyList<object?>>();
        var medians = new List<IReadOnlyList<object?>>();
        var logRank = new List<IReadOnlyList<object?>>();
        var notes = new List<string>
        {
            "Kaplan-Meier from the index treatment date; deaths are events, everyone else is censored at the last date known alive; withdrawn patients are removed from the registry.",
            string.Create(CultureInfo.InvariantCulture, $"Days are grouped into intervals whose deaths, censorings and remaining number at risk are each 0 or at least {Threshold}; the curve stops where fewer than {Threshold} remain at risk."),
            "Curves by a grouping are shown only when every group of it can be shown (otherwise the overall curve minus the others would reveal the hidden group).",
        };
        foreach (var (view, stats) in views)
        {
            foreach (var (grouping, groups) in Groupings(stats, filter, view))
            {
                var all = groups.All(g => g.Counts.Total == 0 || (g.Shown && g.Counts.Total >= Threshold));
                var present = groups.Where(g => g.Counts.Total > 0).ToList();
                if (!all || present.Count == 0)
                {
                    continue;
                }

                foreach (var group in present)
                {
                    var curve = PublishedSurvivalCurve.Publish(group.Counts, Threshold, cutDays: ClinicalTables.CutDays);
                    curves.AddRange(curve.Intervals.Select(i => (IReadOnlyList<object?>)[view, grouping, group.Name, i.From, i.To, i.AtRisk, i.Events, i.Censored, R(i.Survival), R(i.Lower), R(i.Upper)]));
                    medians.Add([view, grouping, group.Name, group.Counts.Total, curve.Median.Median, curve.Median.Lower, curve.Median.Upper]);
                    if (group.Filter is { } groupFilter)
                    {
                        atRisk.AddRange(curve.AtRiskTable.Select(a => (IReadOnlyList<object?>)[view, grouping, group.Name, a.Time.Label, a.Time.Day,
                            a.AtRisk is { } n && Shown(view, groupFilter, "surv.risk." + a.Time.Label) ? n : "suppressed"]));
                    }
                }

                if (present.Count > 1 && LogRankTest.Compare(present.ToDictionary(g => g.Name, g => g.Counts, StringComparer.Ordinal)) is { } test)
                {
                    logRank.Add([view, grouping, present.Count, R(test.ChiSquare), test.DegreesOfFreedom, R(test.PValue)]);
                }
            }
        }

        yield return new("survival.curves", "Overall survival (Kaplan-Meier, 95% log-log CI)",
            ["view", "grouping", "group", "from_day", "to_day", "at_risk", "events", "censored", "survival", "lower", "upper"], curves, notes);
        yield return new("survival.at_risk", "Number at risk", ["view", "grouping", "group", "time", "day", "at_risk"], atRisk,
            ["A number at risk is shown only where the curve's intervals end and the scope's audit leaves it visible."]);
        yield return new("survival.median", "Median overall survival (days, Brookmeyer-Crowley 95% CI)",
            ["view", "grouping", "group", "patients", "median_days", "lower_days", "upper_days"], medians,
            ["Read at the resolution of the published intervals; null when not reached."]);
        yield return new("survival.logrank", "Log-rank test across groups", ["view", "grouping", "groups", "chi_square", "df", "p_value"], logRank,
            ["Observed and expected deaths per group are not published (they are counts)."]);
    }

    private sealed record SurvivalGroup(string Name, SurvivalCounts Counts, bool Shown, CellKey? Filter);

    private IEnumerable<(string Grouping, List<SurvivalGroup> Groups)> Groupings(SiteStatistics stats, CellKey filter, string view)
    {
        yield return ("all", [new SurvivalGroup("all", Merged(stats, filter).Survival, Shown(view, filter, "surv.n"), filter)]);
        if (filter.PrimaryGroup == CommitteeDimensions.All)
        {
            yield return ("primary_group", builder.DimensionValues[1].Select(g => filter with { PrimaryGroup = g })
                .Select(f => new SurvivalGroup(f.PrimaryGroup, Merged(stats, f).Survival, Shown(view, f, "surv.n"), f)).ToList());
        }

        if (filter.Treatment == CommitteeDimensions.All)
        {
            yield return ("index_treatment", builder.DimensionValues[2].Select(t => filter with { Treatment = t })
                .Select(f => new SurvivalGroup(f.Treatment, Merged(stats, f).Survival, Shown(view, f, "surv.n"), f)).ToList());
        }

        var cell = Merged(stats, filter);
        yield return ("nesms", builder.NesmsValues
            .Select(v => new SurvivalGroup(v, cell.SurvivalByNesms.TryGetValue(v, out var s) ? s : SurvivalCounts.Empty, Shown(view, filter, "surv.nesms." + v), null)).ToList());
    }

    private StatisticsTable VitalStatus(List<(string View, SiteStatistics Stats)> views, CellKey filter, List<string> timePoints)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (view, _) in views)
        {
            foreach (var timePoint in timePoints.Where(t => t != CommitteeDimensions.TimePoints[0]))
            {
                rows.Add([view, timePoint, "all", Count(view, filter, $"visits.{timePoint}")]);
                rows.AddRange(CommitteeDimensions.VitalStatuses.Append("missing").Select(s => (IReadOnlyList<object?>)[view, timePoint, s, Count(view, filter, $"visits.{timePoint}.{s}")]));
            }
        }

        return new("visits.vital_status", "Follow-up visits by vital status", ["view", "time_point", "status", "visits"], rows,
            ["Outcome values are counted for visits of living patients only: each outcome n is part of its time point's \"alive\" count, and is audited with it."]);
    }

    private StatisticsTable OutcomeSummary(List<(string View, SiteStatistics Stats)> views, CellKey filter, List<string> timePoints)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (view, stats) in views)
        {
            var cell = Merged(stats, filter);
            foreach (var measure in measures)
            {
                foreach (var timePoint in timePoints)
                {
                    var id = $"pro.{measure.Code}.{timePoint}.n";
                    var values = cell.Outcome(measure.Code, timePoint).Values;
                    if (!Shown(view, filter, id) || values.N == 0)
                    {
                        rows.Add([view, measure.Code, timePoint, Count(view, filter, id), null, null, null, null, null, null, null]);
                        continue;
                    }

                    var mean = MeanEstimate.From(values.Moments);
                    rows.Add([view, measure.Code, timePoint, values.N, R(mean?.Mean), R(mean?.Interval?.Lower), R(mean?.Interval?.Upper), R(mean?.StandardDeviation),
                        values.Median, values.FirstQuartile, values.ThirdQuartile]);
                }
            }
        }

        return new("outcomes.summary", "Patient-reported outcomes over time (mean with 95% t CI; exact median and IQR)",
            ["view", "measure", "time_point", "n", "mean", "lower", "upper", "sd", "median", "q1", "q3"], rows,
            ["Medians and quartiles are exact (Hyndman-Fan type 7) from counts per distinct value.", "When n is hidden every statistic of the row is hidden."]);
    }

    private StatisticsTable OutcomeChange(List<(string View, SiteStatistics Stats)> views, CellKey filter, List<string> timePoints)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (view, stats) in views)
        {
            var cell = Merged(stats, filter);
            foreach (var measure in measures)
            {
                foreach (var timePoint in timePoints.Where(t => t != CommitteeDimensions.TimePoints[0]))
                {
                    var p = $"pro.{measure.Code}.{timePoint}";
                    var outcome = cell.Outcome(measure.Code, timePoint);
                    var changes = outcome.Changes;
                    if (!Shown(view, filter, p + ".pairs") || changes.N == 0)
                    {
                        rows.Add([view, measure.Code, timePoint, Count(view, filter, p + ".pairs"), null, null, null, null, null, null, measure.Mcid, null, null, null, null]);
                        continue;
                    }

                    var mean = MeanEstimate.From(changes.Moments);
                    object? reached = null;
                    ProportionEstimate? share = null;
                    if (measure.Mcid is not null)
                    {
                        reached = Count(view, filter, p + ".mcid");
                        share = Shown(view, filter, p + ".mcid") ? ProportionEstimate.Wilson(outcome.McidReached, changes.N) : null;
                    }

                    rows.Add([view, measure.Code, timePoint, changes.N, R(mean?.Mean), R(mean?.Interval?.Lower), R(mean?.Interval?.Upper),
                        changes.Median, changes.FirstQuartile, changes.ThirdQuartile, measure.Mcid, reached, R(share?.Proportion), R(share?.Interval.Lower), R(share?.Interval.Upper)]);
                }
            }
        }

        return new("outcomes.change", "Paired change from baseline (95% t CI) and share reaching the MCID (Wilson 95% CI)",
            ["view", "measure", "time_point", "pairs", "mean_change", "lower", "upper", "median_change", "q1", "q3", "mcid", "reached_mcid", "share", "share_lower", "share_upper"], rows,
            ["Pairs: patients with a baseline value and a value at the time point. Reaching the MCID: an improvement of at least the MCID (a fall for NRS pain)."]);
    }

    /// <summary>Rounds a published statistic to 4 decimals (null when not finite).</summary>
    internal static double? R(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
