namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>
/// Merges site tables into pooled tables. Counts add; distribution sums, extremes and bins
/// combine exactly, so the pooled figures equal those computed from all records at once.
/// </summary>
public static class AggregateMerger
{
    /// <summary>The pooled tables: each site table merged by name, plus the enrollment count by site.</summary>
    public static IReadOnlyList<AggregateTable> Pool(IReadOnlyDictionary<string, IReadOnlyList<AggregateTable>> tablesBySite)
    {
        ArgumentNullException.ThrowIfNull(tablesBySite);
        var pooled = tablesBySite.Values
            .SelectMany(tables => tables)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Select(Merge)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var bySite = tablesBySite
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new CountCell([s.Key], s.Value.FirstOrDefault(t => t.Name == "enrollment.total")?.Counts.Sum(c => c.Count) ?? 0))
            .ToList();
        pooled.Add(new AggregateTable
        {
            Name = "enrollment.by_site",
            Title = "Patients enrolled by site",
            Kind = AggregateKind.Count,
            Dimensions = ["site"],
            Unit = "patients",
            Counts = bySite,
        });
        return pooled;
    }

    /// <summary>Merges tables of the same name (and shape).</summary>
    public static AggregateTable Merge(IEnumerable<AggregateTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var list = tables.ToList();
        var first = list[0];
        if (list.Any(t => t.Kind != first.Kind || !t.Dimensions.SequenceEqual(first.Dimensions, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException($"Tables named {first.Name} have different shapes and cannot be merged.");
        }

        return first.Kind == AggregateKind.Count
            ? first with
            {
                Counts = list.SelectMany(t => t.Counts)
                    .GroupBy(c => Key(c.Keys), StringComparer.Ordinal)
                    .Select(g => new CountCell(g.First().Keys, g.Sum(c => c.Count)))
                    .OrderBy(c => c.Keys, AggregateKeyOrder.Instance)
                    .ToList(),
            }
            : first with
            {
                Distributions = list.SelectMany(t => t.Distributions)
                    .GroupBy(c => Key(c.Keys), StringComparer.Ordinal)
                    .Select(g => g.Aggregate(MergeCells))
                    .OrderBy(c => c.Keys, AggregateKeyOrder.Instance)
                    .ToList(),
            };
    }

    private static DistributionCell MergeCells(DistributionCell a, DistributionCell b) => new(
        a.Keys,
        a.N + b.N,
        a.Sum + b.Sum,
        a.SumOfSquares + b.SumOfSquares,
        Math.Min(a.Min, b.Min),
        Math.Max(a.Max, b.Max),
        a.Bins.Zip(b.Bins, (x, y) => x + y).ToList());

    private static string Key(IReadOnlyList<string> keys) => string.Join('\u001f', keys);
}
