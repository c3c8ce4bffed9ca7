using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Statistics;

public sealed class ValueCountsTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 50));

    [Fact]
    public void Quantile_OneToTen_HyndmanFanSevenAsR()
    {
        // R: quantile(1:10) gives 1, 3.25, 5.5, 7.75, 10.
        var counts = ValueCounts.Of(Enumerable.Range(1, 10).Select(i => (decimal)i));

        Assert.Equal([1m, 3.25m, 5.5m, 7.75m, 10m], new[] { 0m, 0.25m, 0.5m, 0.75m, 1m }.Select(p => counts.Quantile(p)!.Value));
    }

    [Fact]
    public void Add_SameValueDifferentScale_OneCount()
    {
        var counts = ValueCounts.Empty.Add(1.0m).Add(1.00m);

        Assert.Single(counts.Entries);
        Assert.Equal(2, counts.Entries.Single().Value);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_RandomPartitionIntoSites_PooledEqualsAllAtOnce(int seed)
    {
        var random = new Random(seed);
        // A finite value set, as instruments have: EQ-5D-like indices with 3 decimals.
        var values = Enumerable.Range(0, random.Next(1, 500)).Select(_ => random.Next(-594, 1001) / 1000m).ToList();
        var sites = random.Next(1, 9);
        var parts = values.GroupBy(_ => random.Next(sites)).Select(g => ValueCounts.Of(g)).OrderBy(_ => random.Next()).ToList();

        var pooled = parts.Aggregate(ValueCounts.Empty, (a, b) => random.Next(2) == 0 ? a.Merge(b) : b.Merge(a));
        var direct = ValueCounts.Of(values);

        Assert.Equal(direct.Moments, pooled.Moments);
        Assert.Equal(direct.Entries, pooled.Entries);
        foreach (var p in new[] { 0m, 0.1m, 0.25m, 0.5m, 0.75m, 0.9m, 1m })
        {
            Assert.Equal(ReferenceQuantile(values, p), pooled.Quantile(p));
        }

        Assert.Equal(values.Average(), pooled.Moments.Mean!.Value, 20);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MergeAllAndFromEntries_RandomPartition_EqualAllAtOnce(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, random.Next(1, 500)).Select(_ => random.Next(0, 101) / (random.Next(2) == 0 ? 10m : 10.0m)).ToList();
        var parts = values.GroupBy(_ => random.Next(1, 9)).Select(g => ValueCounts.Of(g)).ToList();
        var direct = ValueCounts.Of(values);

        var merged = ValueCounts.MergeAll(parts);
        // Stored entries may repeat a value (counts add) and come in any order.
        var rebuilt = ValueCounts.FromEntries(parts.SelectMany(p => p.Entries).OrderBy(_ => random.Next()));

        Assert.Equal(direct.Entries, merged.Entries);
        Assert.Equal(direct.Entries, rebuilt.Entries);
        Assert.Equal(direct.Moments.N, merged.Moments.N);
        Assert.Equal(direct.Moments.Sum, merged.Moments.Sum);
        Assert.Equal(direct.Moments.SumOfSquares, rebuilt.Moments.SumOfSquares);
        Assert.Equal(direct.Median, merged.Median);
    }

    [Fact]
    public void Moments_Variance_ExactInDecimal()
    {
        var counts = ValueCounts.Of([2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m]);

        Assert.Equal(5m, counts.Moments.Mean);
        Assert.Equal(32m / 7m, counts.Moments.Variance);
    }

    /// <summary>Hyndman-Fan type 7 over a sorted list, written independently of the counts.</summary>
    private static decimal ReferenceQuantile(List<decimal> values, decimal p)
    {
        var sorted = values.Order().ToList();
        var h = ((sorted.Count - 1) * p) + 1;
        var j = (int)Math.Floor(h);
        return j >= sorted.Count ? sorted[^1] : sorted[j - 1] + ((h - j) * (sorted[j] - sorted[j - 1]));
    }
}
