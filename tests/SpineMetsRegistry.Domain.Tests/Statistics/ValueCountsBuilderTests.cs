using System.Globalization;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Statistics;

public sealed class ValueCountsBuilderTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ToValueCounts_ValuesOneAtATimeInAnyOrder_SortedDistinctCountsAndExactMoments(int seed)
    {
        var random = new Random(seed);
        // Up to 3,000 values of a finite grid, many repeated, some written with trailing zeros
        // (1.5 and 1.50 are one value), enough to fill the pending buffer many times over.
        var values = Enumerable.Range(0, random.Next(1, 3000))
            .Select(_ => random.Next(-300, 1001) / (random.Next(3) == 0 ? 100.0m : 100m))
            .ToList();
        var builder = new ValueCountsBuilder();

        foreach (var value in values)
        {
            builder.Add(value);
        }

        var counts = builder.ToValueCounts();
        var expected = values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())).ToList();
        Assert.Equal(expected, counts.Entries.Select(e => (e.Key, e.Value)).ToList());
        Assert.Equal(values.Count, counts.N);
        Assert.Equal(values.Sum(), counts.Moments.Sum);
        Assert.Equal(values.Sum(v => v * v), counts.Moments.SumOfSquares);
    }

    [Fact]
    public void ToValueCounts_SameValueWithDifferentScales_OneEntryWithoutTrailingZeros()
    {
        var builder = new ValueCountsBuilder();

        builder.Add(1.50m);
        builder.Add(1.5m);
        builder.Add(1.500m, 2);

        var entry = Assert.Single(builder.ToValueCounts().Entries);
        Assert.Equal("1.5", entry.Key.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(4, entry.Value);
    }

    [Fact]
    public void Add_AfterToValueCounts_EarlierCountsUnchanged()
    {
        var builder = new ValueCountsBuilder();
        foreach (var value in new[] { 1m, 2m, 3m })
        {
            builder.Add(value);
        }

        var first = builder.ToValueCounts();
        builder.Add(2m, 10);
        builder.Add(7m);
        var second = builder.ToValueCounts();

        Assert.Equal([(1m, 1L), (2m, 1L), (3m, 1L)], first.Entries.Select(e => (e.Key, e.Value)));
        Assert.Equal(3, first.N);
        Assert.Equal([(1m, 1L), (2m, 11L), (3m, 1L), (7m, 1L)], second.Entries.Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void Add_CountsAddedThenChanged_AddedCountsUnchanged()
    {
        var other = ValueCounts.Of([4m, 5m]);
        var builder = new ValueCountsBuilder();

        builder.Add(other);
        builder.Add(4m);

        Assert.Equal([(4m, 1L), (5m, 1L)], other.Entries.Select(e => (e.Key, e.Value)));
        Assert.Equal([(4m, 2L), (5m, 1L)], builder.ToValueCounts().Entries.Select(e => (e.Key, e.Value)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Add_CountsAndValuesInterleaved_SameAsEveryValueAtOnce(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, random.Next(1, 2000)).Select(_ => (decimal)random.Next(0, 400)).ToList();
        var builder = new ValueCountsBuilder();

        foreach (var part in values.Chunk(random.Next(1, 200)))
        {
            if (random.Next(2) == 0)
            {
                builder.Add(ValueCounts.Of(part));
            }
            else
            {
                foreach (var value in part)
                {
                    builder.Add(value);
                }
            }
        }

        var direct = ValueCounts.Of(values);
        var built = builder.ToValueCounts();
        Assert.Equal(direct.Entries, built.Entries);
        Assert.Equal(direct.Moments, built.Moments);
    }

    [Fact]
    public void Add_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValueCountsBuilder().Add(1m, -1));
    }
}
