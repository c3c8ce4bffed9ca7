using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Tests.Aggregation;

public sealed class AggregateMergerTests
{
    private static AggregationRecord Enrollment(string id, string month, string primary, decimal? eq5d, string? sins) => new(
        RecordKind.Enrollment,
        id,
        "enrollment",
        new Dictionary<string, string> { ["index_date"] = month + "-15", ["primary_tumour"] = primary, ["eq5d_version"] = "5L" },
        new Dictionary<string, ScoreValue>
        {
            ["eq5d_index"] = new(eq5d, null),
            ["sins_total"] = new(null, sins),
        });

    private static readonly AggregationRecord[] SiteA =
    [
        Enrollment("A-1", "2026-01", "lung", 0.5m, "stable"),
        Enrollment("A-2", "2026-01", "breast", 0.75m, "unstable"),
        Enrollment("A-3", "2026-02", "lung", -0.1m, null),
    ];

    private static readonly AggregationRecord[] SiteB =
    [
        Enrollment("B-1", "2026-02", "lung", 0.9m, "stable"),
        Enrollment("B-2", "2026-03", "kidney", null, "potentially_unstable"),
    ];

    [Fact]
    public void Pool_SiteTables_EqualTablesComputedFromAllRecordsAtOnce()
    {
        var pooled = AggregateMerger.Pool(new Dictionary<string, IReadOnlyList<AggregateTable>>
        {
            ["S01"] = SiteAggregator.Compute(SiteA),
            ["S02"] = SiteAggregator.Compute(SiteB),
        }).ToDictionary(t => t.Name);
        var direct = SiteAggregator.Compute(SiteA.Concat(SiteB)).ToDictionary(t => t.Name);

        foreach (var (name, table) in direct)
        {
            Assert.Equivalent(table, pooled[name], strict: true);
        }

        Assert.Equal([(["S01"], 3), (["S02"], 2)], pooled["enrollment.by_site"].Counts.Select(c => (c.Keys.ToArray(), c.Count)));
    }

    [Fact]
    public void Compute_EnrollmentByMonthAndPrimary_CountsEachPatientOnce()
    {
        var table = SiteAggregator.Compute(SiteA.Concat(SiteB)).Single(t => t.Name == "enrollment.by_month_primary");

        Assert.Equal(
            [("2026-01", "breast", 1), ("2026-01", "lung", 1), ("2026-02", "lung", 2), ("2026-03", "kidney", 1)],
            table.Counts.Select(c => (c.Keys[0], c.Keys[1], c.Count)));
    }

    [Fact]
    public void Compute_SinsCategory_MissingScoreCountsAsNotComputable()
    {
        var table = SiteAggregator.Compute(SiteA).Single(t => t.Name == "baseline.sins_category");

        Assert.Equal([("not_computable", 1), ("stable", 1), ("unstable", 1)], table.Counts.Select(c => (c.Keys[0], c.Count)));
    }

    [Fact]
    public void Compute_Eq5dDistribution_ExactSumsAndMissingIndexLeftOut()
    {
        var cell = Assert.Single(SiteAggregator.Compute(SiteA.Concat(SiteB)).Single(t => t.Name == "baseline.eq5d_index").Distributions);

        Assert.Equal((4, 2.05m, -0.1m, 0.9m), (cell.N, cell.Sum, cell.Min, cell.Max));
        Assert.Equal(0.25m + 0.5625m + 0.01m + 0.81m, cell.SumOfSquares);
        Assert.Equal(4, cell.Bins.Sum());
    }

    [Fact]
    public void Merge_DifferentShapes_Refused()
    {
        var a = new AggregateTable { Name = "x", Title = "x", Kind = AggregateKind.Count, Dimensions = ["a"], Unit = "patients" };
        var b = a with { Dimensions = ["b"] };

        Assert.Throws<InvalidOperationException>(() => AggregateMerger.Merge([a, b]));
    }
}
