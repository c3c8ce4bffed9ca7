namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// Builds a scope's <see cref="SiteStatistics"/> one patient (or one site) at a time: each
/// patient's cell is added into the running cell of its key at once, in place, so only the cells
/// are kept, never the patients. Adding the patients in any order gives exactly
/// <see cref="SiteStatistics.Of"/>.
/// </summary>
/// <param name="measures">The outcome measures.</param>
public sealed class SiteStatisticsBuilder(IReadOnlyList<OutcomeMeasure> measures)
{
    private readonly Dictionary<CellKey, StatisticsCellBuilder> _cells = [];

    /// <summary>Adds one patient.</summary>
    /// <param name="patient">The patient's facts.</param>
    public void Add(PatientFacts patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        CellOf(patient.Key).Add(StatisticsCell.Of(patient, measures));
    }

    /// <summary>
    /// Adds the statistics of another, disjoint scope (a site's into the pooled): each of its cells
    /// into the running cell of its key, a binary search per value, so adding many sites does not
    /// copy the running counts once per site as a chain of <see cref="SiteStatistics.Merge"/> does.
    /// </summary>
    /// <param name="statistics">The other scope's statistics.</param>
    public void Add(SiteStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        foreach (var (key, cell) in statistics.Cells)
        {
            CellOf(key).Add(cell);
        }
    }

    /// <summary>The statistics of the patients added so far.</summary>
    public SiteStatistics Build() => new(_cells.ToDictionary(c => c.Key, c => c.Value.ToCell()));

    private StatisticsCellBuilder CellOf(CellKey key)
    {
        if (!_cells.TryGetValue(key, out var cell))
        {
            _cells[key] = cell = new StatisticsCellBuilder();
        }

        return cell;
    }
}
