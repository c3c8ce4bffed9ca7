using SpineMetsRegistry.Domain.Aggregation;

namespace SpineMetsRegistry.Domain.Tests.Aggregation;

public sealed class DistributionStatisticsTests
{
    [Fact]
    public void Summarise_MeanAndStandardDeviation_Exact()
    {
        // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample SD sqrt(32/7) = 2.138
        decimal[] values = [2, 4, 4, 4, 5, 5, 7, 9];
        var binning = new Binning(0, 10, 1);
        var bins = new int[binning.Count];
        foreach (var v in values)
        {
            bins[binning.IndexOf(v)]++;
        }

        var summary = DistributionStatistics.Summarise(new DistributionCell([], values.Length, values.Sum(), values.Sum(v => v * v), 2, 9, bins), binning);

        Assert.Equal((8, 5m, 2.138m, 2m, 9m), (summary.N, summary.Mean, summary.StandardDeviation, summary.Min, summary.Max));
    }

    [Fact]
    public void Summarise_Quantiles_WithinOneBinOfTheExactValue()
    {
        var values = Enumerable.Range(0, 101).Select(i => i / 100m).ToList();
        var binning = SiteAggregator.Eq5dBinning;
        var bins = new int[binning.Count];
        foreach (var v in values)
        {
            bins[binning.IndexOf(v)]++;
        }

        var summary = DistributionStatistics.Summarise(new DistributionCell([], values.Count, values.Sum(), values.Sum(v => v * v), 0, 1, bins), binning);

        Assert.InRange(summary.Median, 0.5m - binning.Width, 0.5m + binning.Width);
        Assert.InRange(summary.Q1, 0.25m - binning.Width, 0.25m + binning.Width);
        Assert.InRange(summary.Q3, 0.75m - binning.Width, 0.75m + binning.Width);
        Assert.True(summary.Q1 <= summary.Median && summary.Median <= summary.Q3);
    }

    [Fact]
    public void Summarise_SingleValue_NoStandardDeviation()
    {
        var binning = new Binning(0, 100, 5);
        var bins = new int[binning.Count];
        bins[binning.IndexOf(42)] = 1;

        var summary = DistributionStatistics.Summarise(new DistributionCell([], 1, 42, 1764, 42, 42, bins), binning);

        Assert.Null(summary.StandardDeviation);
        Assert.Equal((42m, 42m), (summary.Mean, summary.Median));
    }

    [Theory]
    [InlineData(-0.7, 0)]
    [InlineData(-0.65, 0)]
    [InlineData(0.999, 32)]
    [InlineData(1.0, 32)]
    public void Binning_ValuesAtAndOutsideTheEdges_ClampedIntoTheBins(double value, int bin)
    {
        Assert.Equal(bin, SiteAggregator.Eq5dBinning.IndexOf((decimal)value));
    }
}
