using System.Globalization;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Statistics;

public sealed class ProportionEstimateTests
{
    public static TheoryData<long, long, double, double> Newcombe()
    {
        var data = new TheoryData<long, long, double, double>();
        foreach (var f in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Statistics", "TestData", "newcombe-1998-wilson.csv"))
                     .Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')))
        {
            data.Add(long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Newcombe))]
    public void Wilson_NewcombeTable_ReproducesPublishedLimits(long successes, long total, double lower, double upper)
    {
        var estimate = ProportionEstimate.Wilson(successes, total)!;

        Assert.Equal(lower, Math.Round(estimate.Interval.Lower, 4));
        Assert.Equal(upper, Math.Round(estimate.Interval.Upper, 4));
        Assert.Equal((double)successes / total, estimate.Proportion);
    }

    [Fact]
    public void Wilson_AllSuccesses_UpperIsExactlyOne()
    {
        Assert.Equal(1.0, ProportionEstimate.Wilson(20, 20)!.Interval.Upper);
    }

    [Fact]
    public void Wilson_NoObservations_Null()
    {
        Assert.Null(ProportionEstimate.Wilson(0, 0));
    }

    [Fact]
    public void ProportionCounts_Merge_AddsNumeratorsAndDenominators()
    {
        var site = new ProportionCounts().Add(true).Add(false);
        var other = new ProportionCounts().Add(true);

        Assert.Equal(new ProportionCounts(2, 3), site.Merge(other));
    }
}
