using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Statistics;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// The committee's clinical tables beyond survival and PROs: neurological change, ambulatory
/// status over time, complications (worst SAVES grade), 30- and 90-day mortality and first-year
/// QALYs. Every count is a <see cref="ClinicalTally"/> cell of the scope's audited grid; a share
/// or mean is shown only when the counts it rests on are.
/// </summary>
internal static class ClinicalTables
{
    /// <summary>The mortality horizons in days (<see cref="EarlyMortality"/>).</summary>
    private static readonly int[] Horizons = [EarlyMortality.ThirtyDays, EarlyMortality.NinetyDays];

    /// <summary>
    /// The day after each horizon, offered to every published curve as an interval boundary, so
    /// that survival can be read at the horizon exactly whenever cutting there is safe. Every curve
    /// of the scope uses the same boundaries (two cuts of the same data could be differenced).
    /// </summary>
    public static IReadOnlyList<int> CutDays { get; } = [.. Horizons.Select(h => h + 1)];

    public static IEnumerable<StatisticsTable> Publish(List<(string View, SiteStatistics Stats)> views, CellKey filter, List<string> timePoints, CommitteePublisher publisher)
    {
        var cells = views.Select(v => (v.View, Cell: publisher.Merged(v.Stats, filter))).ToList();
        yield return new StatisticsTable(
            "neurology.change",
            "Neurological change, baseline to 6 weeks (ASIA Impairment Scale; Frankel grade)",
            ["view", "scale", "change", "patients", "share", "lower", "upper"],
            cells.SelectMany(c => new[] { ("asia", ClinicalTally.AsiaChange), ("frankel", ClinicalTally.FrankelChange) }
                .SelectMany(s => TallyRows(publisher, c.View, filter, s.Item2, [s.Item1]))).ToList(),
            ["Patients with a grade at baseline and at a 6-week visit while alive. Improved: at least one grade towards E; worse: at least one towards A (both scales run A to E).",
             "Shares with Wilson 95% CI (Newcombe 1998); a share is shown only when its count and the total are."]);

        yield return new StatisticsTable(
            "neurology.ambulatory",
            "Ambulatory status over time",
            ["view", "time_point", "status", "patients", "share", "lower", "upper"],
            cells.SelectMany(c => timePoints.SelectMany(t => TallyRows(publisher, c.View, filter, ClinicalTally.Ambulatory(t), [t]))).ToList(),
            ["Baseline: the enrollment record. Later time points: visits of living patients (each count is part of the time point's \"alive\" visits)."]);

        yield return new StatisticsTable(
            "complications.saves",
            "Complications: worst SAVES grade recorded at follow-up",
            ["view", "worst_grade", "patients", "share", "lower", "upper"],
            cells.SelectMany(c => TallyRows(publisher, c.View, filter, ClinicalTally.WorstSaves, [])).ToList(),
            ["SAVES (Rampersaud et al., Spine 2010): none; I no or minimal treatment; II treatment, no long-term effect; III long-term effect; IV death. Patients with a grade at any follow-up visit, by their worst."]);

        yield return new StatisticsTable(
            "mortality.early",
            "30- and 90-day mortality (1 - Kaplan-Meier survival, 95% log-log CI)",
            ["view", "horizon_days", "read_at_day", "mortality", "lower", "upper"],
            views.SelectMany(v => Mortality(publisher, v.View, v.Stats, filter)).ToList(),
            ["Read from the published survival curve at the last interval end on or before the horizon (read_at_day), so it reveals nothing the curve does not; a crude count of early deaths is not published, because its difference with the curve's intervals could be a small count.",
             "Null when the curve is not published or its first interval ends after the horizon."]);

        yield return new StatisticsTable(
            "qaly.first_year",
            "Quality-adjusted survival over the first year (EQ-5D index, area under the curve; mean with 95% t CI)",
            ["view", "policy", "patients_with_qaly", "mean", "lower", "upper", "sd", "missing_baseline", "missing_visit", "incomplete_follow_up"],
            cells.SelectMany(c => ClinicalTally.QalyPolicies.Select(p => QalyRow(publisher, c.View, filter, c.Cell, p))).ToList(),
            ["Linear between visits from the baseline index on day 0, falling to 0 at death, 0 after death, divided by 365 (a year in full health is 1).",
             "complete_case: a patient with a due visit missing has no QALY; locf: the last observed index is carried forward. Patients alive but followed for less than 46 weeks have no QALY (incomplete_follow_up)."]);
    }

    private static IEnumerable<IReadOnlyList<object?>> TallyRows(CommitteePublisher publisher, string view, CellKey filter, ClinicalTally tally, IReadOnlyList<object?> labels)
    {
        var totalId = StatisticsGridBuilder.TallyMeasure(tally.Name, "total");
        var totalShown = publisher.Shown(view, filter, totalId);
        var total = totalShown ? Convert.ToInt64(publisher.Count(view, filter, totalId), System.Globalization.CultureInfo.InvariantCulture) : 0;
        yield return [view, .. labels, "all", publisher.Count(view, filter, totalId), null, null, null];
        foreach (var category in tally.Categories)
        {
            var id = StatisticsGridBuilder.TallyMeasure(tally.Name, category);
            var count = publisher.Count(view, filter, id);
            var share = totalShown && total > 0 && publisher.Shown(view, filter, id) ? ProportionEstimate.Wilson((long)count, total) : null;
            yield return [view, .. labels, category, count, CommitteePublisher.R(share?.Proportion), CommitteePublisher.R(share?.Interval.Lower), CommitteePublisher.R(share?.Interval.Upper)];
        }
    }

    private static IReadOnlyList<object?> QalyRow(CommitteePublisher publisher, string view, CellKey filter, StatisticsCell cell, MissingVisitPolicy policy)
    {
        var tally = ClinicalTally.Qaly(policy);
        var code = ClinicalTally.QalyPolicyCode(policy);
        var withId = StatisticsGridBuilder.TallyMeasure(tally.Name, ClinicalTally.WithQaly);
        var mean = publisher.Shown(view, filter, withId) ? MeanEstimate.From(cell.Qaly(code)) : null;
        object? Reason(string reason) => tally.Categories.Contains(reason, StringComparer.Ordinal)
            ? publisher.Count(view, filter, StatisticsGridBuilder.TallyMeasure(tally.Name, reason))
            : null;
        return [view, code, publisher.Count(view, filter, withId), CommitteePublisher.R(mean?.Mean), CommitteePublisher.R(mean?.Interval?.Lower), CommitteePublisher.R(mean?.Interval?.Upper),
            CommitteePublisher.R(mean?.StandardDeviation), Reason(QalyResult.MissingBaseline), Reason(QalyResult.MissingVisit), Reason(QalyResult.IncompleteFollowUp)];
    }

    private static IEnumerable<IReadOnlyList<object?>> Mortality(CommitteePublisher publisher, string view, SiteStatistics stats, CellKey filter)
    {
        var counts = publisher.Merged(stats, filter).Survival;
        var published = publisher.Shown(view, filter, "surv.n") && counts.Total >= publisher.Threshold;
        var curve = published ? PublishedSurvivalCurve.Publish(counts, publisher.Threshold, cutDays: CutDays) : null;
        foreach (var horizon in Horizons)
        {
            yield return curve is null ? [view, horizon, null, null, null, null] : MortalityAt(view, curve, horizon);
        }
    }

    /// <summary>
    /// 1 - S read at the horizon from the published intervals [From, To). The survival after an
    /// interval holds until the next interval starts, so it is exact at the horizon when an
    /// interval starts after it and none straddles it; when one straddles it, it is read on the
    /// day before that interval; when the curve stops before the horizon, at the curve's end.
    /// </summary>
    private static IReadOnlyList<object?> MortalityAt(string view, PublishedSurvivalCurve curve, int horizon)
    {
        var ended = curve.Intervals.Where(i => i.To - 1 <= horizon).ToList();
        var straddling = curve.Intervals.FirstOrDefault(i => i.From <= horizon && i.To - 1 > horizon);
        int? readAt = straddling is not null ? straddling.From - 1
            : curve.Intervals.Any(i => i.From > horizon) ? horizon
            : ended.Count > 0 ? ended[^1].To - 1
            : null;
        if (readAt is not { } day || day < 0)
        {
            return [view, horizon, null, null, null, null];
        }

        var last = ended.LastOrDefault(i => i.To - 1 <= day);
        return last is null
            ? [view, horizon, day, 0.0, null, null]
            : [view, horizon, day, CommitteePublisher.R(1 - last.Survival), CommitteePublisher.R(1 - last.Upper), CommitteePublisher.R(1 - last.Lower)];
    }
}
