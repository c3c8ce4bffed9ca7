using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// Builds the <see cref="DisclosureGrid"/> of a scope: every count the committee tables publish,
/// for every filter (each dimension's values and its margin), with every relation a reader can
/// use between them. See the project README for the relations, table by table.
/// </summary>
public sealed class StatisticsGridBuilder
{
    /// <summary>The view of a scope's own counts.</summary>
    public const string Own = "own";

    /// <summary>The view of the network's pooled counts (a site's page shows them next to its own).</summary>
    public const string Network = "network";

    private const string Rest = "rest";

    private readonly IReadOnlyList<OutcomeMeasure> measures;
    private readonly IReadOnlyList<string> nesmsValues;
    private readonly IReadOnlyList<IReadOnlyList<string>> dimensionValues;

    /// <summary>A builder for statistics over the given dimension values.</summary>
    /// <param name="measures">The outcome measures.</param>
    /// <param name="network">The pooled statistics (their dimension values span every scope).</param>
    public StatisticsGridBuilder(IReadOnlyList<OutcomeMeasure> measures, SiteStatistics network)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(network);
        this.measures = measures;
        dimensionValues = network.DimensionValues();
        nesmsValues = network.Cells.Values.SelectMany(c => c.SurvivalByNesms.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every filter: each combination of a dimension's values or its margin.</summary>
    public IReadOnlyList<CellKey> Filters()
    {
        var options = dimensionValues.Select(v => v.Prepend(CommitteeDimensions.All).ToList()).ToList();
        return (from p in options[0] from g in options[1] from t in options[2] select new CellKey(p, g, t)).ToList();
    }

    /// <summary>The dimension values (with no margin) in <see cref="CommitteeDimensions.Names"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> DimensionValues => dimensionValues;

    /// <summary>The NESMS values with a survival time.</summary>
    public IReadOnlyList<string> NesmsValues => nesmsValues;

    /// <summary>The identity of a count in the grid.</summary>
    /// <param name="view"><see cref="Own"/> or <see cref="Network"/>.</param>
    /// <param name="filter">The filter.</param>
    /// <param name="measure">The count's measure id (e.g. "pro.nrs_pain.26w.n").</param>
    public static string Id(string view, CellKey filter, string measure)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return $"{view}/{filter}/{measure}";
    }

    /// <summary>
    /// The grid of the pooled scope (<paramref name="own"/> is null) or of a site: its own counts,
    /// the network's, and the network minus the site (never shown, but derivable, so audited).
    /// </summary>
    /// <param name="network">Pooled statistics.</param>
    /// <param name="own">The site's statistics, or null for the pooled scope.</param>
    /// <param name="threshold">Small-cell threshold.</param>
    public DisclosureGrid Build(SiteStatistics network, SiteStatistics? own, int threshold)
    {
        ArgumentNullException.ThrowIfNull(network);
        var grid = new DisclosureGrid(threshold);
        var networkCounts = Counts(network);
        AddView(grid, Network, networkCounts, shown: true);
        if (own is not null)
        {
            var ownCounts = Counts(own);
            var rest = networkCounts.ToDictionary(
                f => f.Key,
                f => f.Value.ToDictionary(m => m.Key, m => m.Value - (ownCounts[f.Key].TryGetValue(m.Key, out var o) ? o : 0), StringComparer.Ordinal));
            AddView(grid, Own, ownCounts, shown: true, measureKeys: networkCounts, known: true);
            AddView(grid, Rest, rest, shown: false);
            foreach (var (filter, counts) in networkCounts)
            {
                foreach (var measure in counts.Keys)
                {
                    grid.Line(Id(Network, filter, measure), [Id(Own, filter, measure), Id(Rest, filter, measure)]);
                }
            }
        }

        return grid;
    }

    private void AddView(DisclosureGrid grid, string view, Dictionary<CellKey, Dictionary<string, long>> counts, bool shown, Dictionary<CellKey, Dictionary<string, long>>? measureKeys = null, bool known = false)
    {
        foreach (var (filter, byMeasure) in measureKeys ?? counts)
        {
            foreach (var measure in byMeasure.Keys)
            {
                var value = counts[filter].TryGetValue(measure, out var v) ? v : 0;
                grid.Cell(Id(view, filter, measure), value, shown && !IsDerived(measure), known);
            }
        }

        foreach (var filter in counts.Keys)
        {
            AddRelations(grid, view, filter);
        }

        // Filter margins: the count under a dimension's margin is the sum over its values.
        foreach (var filter in counts.Keys)
        {
            for (var d = 0; d < dimensionValues.Count; d++)
            {
                if (filter.Values[d] != CommitteeDimensions.All)
                {
                    continue;
                }

                var children = dimensionValues[d].Select(value => With(filter, d, value)).ToList();
                foreach (var measure in counts[filter].Keys)
                {
                    grid.Line(Id(view, filter, measure), children.Select(c => Id(view, c, measure)));
                }
            }
        }
    }

    private void AddRelations(DisclosureGrid grid, string view, CellKey filter)
    {
        string I(string measure) => Id(view, filter, measure);
        grid.Line(I("enrolled"), [I("surv.n"), I("surv.none")]);
        grid.Line(I("surv.n"), nesmsValues.Select(v => I("surv.nesms." + v)));
        var times = NumberAtRisk.StandardTimes;
        grid.Line(I("surv.n"), [I("surv.risk." + times[0].Label)]);
        for (var k = 0; k + 1 < times.Count; k++)
        {
            grid.Line(I("surv.risk." + times[k].Label), [I("surv.risk." + times[k + 1].Label), I("surv.left." + times[k].Label)]);
        }

        var baseline = CommitteeDimensions.TimePoints[0];
        foreach (var timePoint in CommitteeDimensions.TimePoints.Skip(1))
        {
            grid.Line(I($"visits.{timePoint}"), Statuses.Select(s => I($"visits.{timePoint}.{s}")));
        }

        foreach (var measure in measures)
        {
            var m = measure.Code;
            grid.Line(I("enrolled"), [I($"pro.{m}.{baseline}.n"), I($"pro.{m}.{baseline}.without")]);
            foreach (var timePoint in CommitteeDimensions.TimePoints.Skip(1))
            {
                var p = $"pro.{m}.{timePoint}";
                grid.Line(I($"visits.{timePoint}.alive"), [I(p + ".n"), I(p + ".without")]);
                grid.Line(I(p + ".n"), [I(p + ".pairs"), I(p + ".unpaired")]);
                grid.Line(I($"pro.{m}.{baseline}.n"), [I(p + ".pairs"), I(p + ".baseonly")]);
                if (measure.Mcid is not null)
                {
                    grid.Line(I(p + ".pairs"), [I(p + ".mcid"), I(p + ".nomcid")]);
                }
            }
        }

        // A tally's categories add up to its total, and the total is a part of its parent count.
        foreach (var tally in ClinicalTally.All)
        {
            grid.Line(I(TallyMeasure(tally.Name, "total")), tally.Categories.Select(c => I(TallyMeasure(tally.Name, c))));
            grid.Line(I(tally.Parent), [I(TallyMeasure(tally.Name, "total")), I(TallyMeasure(tally.Name, "rest"))]);
        }
    }

    /// <summary>The grid measure of a tally's category (<c>tally.&lt;name&gt;.&lt;category&gt;</c>), its total (<c>.total</c>) or the rest of its parent (<c>.rest</c>).</summary>
    /// <param name="tally">The tally name.</param>
    /// <param name="part">A category code, <c>total</c> or <c>rest</c>.</param>
    public static string TallyMeasure(string tally, string part) => $"tally.{tally}.{part}";

    private static IReadOnlyList<string> Statuses { get; } = [.. CommitteeDimensions.VitalStatuses, "missing"];

    private static bool IsDerived(string measure) =>
        measure.EndsWith(".without", StringComparison.Ordinal) || measure.EndsWith(".unpaired", StringComparison.Ordinal)
        || measure.EndsWith(".baseonly", StringComparison.Ordinal) || measure.EndsWith(".nomcid", StringComparison.Ordinal)
        || measure.StartsWith("surv.left.", StringComparison.Ordinal) || measure == "surv.none"
        || (measure.StartsWith("tally.", StringComparison.Ordinal) && measure.EndsWith(".rest", StringComparison.Ordinal));

    private static CellKey With(CellKey key, int dimension, string value) => dimension switch
    {
        0 => key with { Period = value },
        1 => key with { PrimaryGroup = value },
        _ => key with { Treatment = value },
    };

    /// <summary>Every measure's count for every filter, by adding the stored cells' counts.</summary>
    private Dictionary<CellKey, Dictionary<string, long>> Counts(SiteStatistics statistics)
    {
        var stored = statistics.Cells.ToDictionary(c => c.Key, c => CountsOf(c.Value));
        var result = new Dictionary<CellKey, Dictionary<string, long>>();
        foreach (var filter in Filters())
        {
            var sum = CountsOf(StatisticsCell.Empty);
            foreach (var (key, counts) in stored)
            {
                if (key.Matches(filter))
                {
                    foreach (var (measure, value) in counts)
                    {
                        sum[measure] += value;
                    }
                }
            }

            result[filter] = sum;
        }

        return result;
    }

    /// <summary>The counts of one cell, every measure present (0 when none).</summary>
    public Dictionary<string, long> CountsOf(StatisticsCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["enrolled"] = cell.Enrolled,
            ["surv.n"] = cell.Survival.Total,
            ["surv.none"] = cell.Enrolled - cell.Survival.Total,
        };
        foreach (var v in nesmsValues)
        {
            counts["surv.nesms." + v] = cell.SurvivalByNesms.TryGetValue(v, out var s) ? s.Total : 0;
        }

        var times = NumberAtRisk.StandardTimes;
        for (var k = 0; k < times.Count; k++)
        {
            var atRisk = cell.Survival.AtRisk(times[k].Day);
            counts["surv.risk." + times[k].Label] = atRisk;
            if (k + 1 < times.Count)
            {
                counts["surv.left." + times[k].Label] = atRisk - cell.Survival.AtRisk(times[k + 1].Day);
            }
        }

        var baseline = CommitteeDimensions.TimePoints[0];
        foreach (var timePoint in CommitteeDimensions.TimePoints.Skip(1))
        {
            counts[$"visits.{timePoint}"] = cell.VisitsAt(timePoint);
            foreach (var status in Statuses)
            {
                counts[$"visits.{timePoint}.{status}"] = cell.VisitsWith(timePoint, status);
            }
        }

        foreach (var measure in measures)
        {
            var m = measure.Code;
            var baselineN = cell.Outcome(m, baseline).Values.N;
            counts[$"pro.{m}.{baseline}.n"] = baselineN;
            counts[$"pro.{m}.{baseline}.without"] = cell.Enrolled - baselineN;
            foreach (var timePoint in CommitteeDimensions.TimePoints.Skip(1))
            {
                var stats = cell.Outcome(m, timePoint);
                var p = $"pro.{m}.{timePoint}";
                counts[p + ".n"] = stats.Values.N;
                counts[p + ".without"] = cell.VisitsWith(timePoint, "alive") - stats.Values.N;
                counts[p + ".pairs"] = stats.Changes.N;
                counts[p + ".unpaired"] = stats.Values.N - stats.Changes.N;
                counts[p + ".baseonly"] = baselineN - stats.Changes.N;
                if (measure.Mcid is not null)
                {
                    counts[p + ".mcid"] = stats.McidReached;
                    counts[p + ".nomcid"] = stats.Changes.N - stats.McidReached;
                }
            }
        }

        foreach (var tally in ClinicalTally.All)
        {
            var total = 0L;
            foreach (var category in tally.Categories)
            {
                var n = cell.Tally(tally.Name, category);
                counts[TallyMeasure(tally.Name, category)] = n;
                total += n;
            }

            counts[TallyMeasure(tally.Name, "total")] = total;
            counts[TallyMeasure(tally.Name, "rest")] = counts[tally.Parent] - total;
        }

        return counts;
    }
}
