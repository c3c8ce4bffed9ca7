namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// A scope's stored statistics: one <see cref="StatisticsCell"/> per combination of filter
/// values that has patients. A site's statistics are computed from its records at ingest; the
/// pooled statistics are the merge of the sites'; a filtered figure is the merge of the cells
/// under the filter. Nothing reads records when a figure is asked for.
/// </summary>
/// <param name="Cells">Cells by key.</param>
public sealed record SiteStatistics(IReadOnlyDictionary<CellKey, StatisticsCell> Cells)
{
    /// <summary>No patient.</summary>
    public static SiteStatistics Empty { get; } = new(new Dictionary<CellKey, StatisticsCell>());

    /// <summary>The statistics of the given patients.</summary>
    /// <param name="patients">The patients' facts.</param>
    /// <param name="measures">The outcome measures.</param>
    public static SiteStatistics Of(IEnumerable<PatientFacts> patients, IReadOnlyList<OutcomeMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(patients);
        var builder = new SiteStatisticsBuilder(measures);
        foreach (var patient in patients)
        {
            builder.Add(patient);
        }

        return builder.Build();
    }

    /// <summary>The statistics of two disjoint scopes (sites to pooled).</summary>
    /// <param name="other">The other scope.</param>
    public SiteStatistics Merge(SiteStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var cells = new Dictionary<CellKey, StatisticsCell>(Cells);
        foreach (var (key, cell) in other.Cells)
        {
            cells[key] = cells.TryGetValue(key, out var existing) ? existing.Merge(cell) : cell;
        }

        return new SiteStatistics(cells);
    }

    /// <summary>The merged cell of every patient under a filter (values may be <see cref="CommitteeDimensions.All"/>).</summary>
    /// <param name="filter">The filter.</param>
    public StatisticsCell Select(CellKey filter) =>
        StatisticsCell.MergeAll(Cells.Where(c => c.Key.Matches(filter)).Select(c => c.Value));

    /// <summary>The values of each dimension that occur, in <see cref="CommitteeDimensions.Names"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> DimensionValues() =>
        Enumerable.Range(0, CommitteeDimensions.Names.Count)
            .Select(i => (IReadOnlyList<string>)Cells.Keys.Select(k => k.Values[i]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
            .ToList();
}
