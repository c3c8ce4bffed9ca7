using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// The aggregates the registry must hold for a set of current enrollments, computed from the
/// uploaded rows with <see cref="ClinicalOracle"/>: patients by month of index treatment and
/// primary tumour, SINS category, and the baseline EQ-5D index and SOSGOQ total
/// distributions (count, sum, extremes and bin counts).
/// </summary>
internal sealed record ExpectedAggregates(
    int Patients,
    IReadOnlyDictionary<string, int> ByMonthPrimary,
    IReadOnlyDictionary<string, int> SinsCategories,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>> Eq5dIndexByVersion,
    IReadOnlyList<decimal> SosgoqTotals)
{
    public static ExpectedAggregates From(IEnumerable<SyntheticRow> rows)
    {
        var enrollments = rows.Where(r => r.IsEnrollment()).ToList();
        var eq5d = enrollments
            .Select(r => (Version: r.Value("eq5d_version"), Index: ClinicalOracle.Eq5d5LIndexUsa(r)))
            .Where(x => x.Index is not null)
            .GroupBy(x => x.Version!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<decimal>)g.Select(x => x.Index!.Value).ToList(), StringComparer.Ordinal);
        if (enrollments.Any(r => r.Value("eq5d_version") is { } version && version != "5L"))
        {
            throw new NotSupportedException("The oracle scores EQ-5D-5L only; keep test batches on 5L.");
        }

        return new ExpectedAggregates(
            enrollments.Count,
            Count(enrollments, r => Key(r.Value("index_date")![..7], r.Value("primary_tumour")!)),
            Count(enrollments, r => ClinicalOracle.SinsTotal(r) is { } total ? ClinicalOracle.SinsCategory(total) : "not_computable"),
            eq5d,
            enrollments.Select(ClinicalOracle.SosgoqTotal).Where(v => v is not null).Select(v => v!.Value).ToList());
    }

    /// <summary>Asserts that the stored aggregates of a scope ("pooled" or "site:S01") are these.</summary>
    public async Task AssertStoredAsync(IAggregateStore store, string scope)
    {
        ArgumentNullException.ThrowIfNull(store);
        var total = await ReadAsync(store, scope, "enrollment.total");
        Assert.Equal(Patients, Assert.Single(total.Counts).Count);

        Assert.Equal(Sorted(ByMonthPrimary), Sorted(CountsOf(await ReadAsync(store, scope, "enrollment.by_month_primary"))));
        Assert.Equal(Sorted(SinsCategories), Sorted(CountsOf(await ReadAsync(store, scope, "baseline.sins_category"))));

        var eq5d = await ReadAsync(store, scope, "baseline.eq5d_index");
        Assert.Equal(Eq5dIndexByVersion.Keys.Order(StringComparer.Ordinal), eq5d.Distributions.Select(c => Key([.. c.Keys])).Order(StringComparer.Ordinal));
        foreach (var (version, values) in Eq5dIndexByVersion)
        {
            AssertCell(eq5d, eq5d.Distributions.Single(c => Key([.. c.Keys]) == version), values);
        }

        var sosgoq = await ReadAsync(store, scope, "baseline.sosgoq_total");
        if (SosgoqTotals.Count == 0)
        {
            Assert.Empty(sosgoq.Distributions);
        }
        else
        {
            AssertCell(sosgoq, Assert.Single(sosgoq.Distributions), SosgoqTotals);
        }
    }

    private static void AssertCell(AggregateTable table, DistributionCell cell, IReadOnlyList<decimal> values)
    {
        var binning = table.Binning ?? throw new InvalidOperationException($"{table.Name} declares no binning.");
        var bins = new int[binning.Count];
        foreach (var value in values)
        {
            bins[Math.Clamp((int)Math.Floor((value - binning.Start) / binning.Width), 0, bins.Length - 1)]++;
        }

        Assert.Equal(values.Count, cell.N);
        Assert.Equal(values.Sum(), cell.Sum);
        Assert.Equal(values.Sum(v => v * v), cell.SumOfSquares);
        Assert.Equal(values.Min(), cell.Min);
        Assert.Equal(values.Max(), cell.Max);
        Assert.Equal(bins, cell.Bins);
    }

    private static async Task<AggregateTable> ReadAsync(IAggregateStore store, string scope, string name)
    {
        var document = await store.ReadAsync(scope, name) ?? throw new Xunit.Sdk.XunitException($"No aggregate {name} in scope {scope}.");
        return AggregateJson.Deserialize(document.Json);
    }

    private static Dictionary<string, int> CountsOf(AggregateTable table) =>
        table.Counts.ToDictionary(c => Key([.. c.Keys]), c => c.Count, StringComparer.Ordinal);

    private static Dictionary<string, int> Count(IEnumerable<SyntheticRow> rows, Func<SyntheticRow, string> key) =>
        rows.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static List<KeyValuePair<string, int>> Sorted(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal)];

    private static string Key(params string[] parts) => string.Join('|', parts);
}
