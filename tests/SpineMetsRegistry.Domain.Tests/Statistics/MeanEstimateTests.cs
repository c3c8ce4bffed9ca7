using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Statistics;

public sealed class MeanEstimateTests
{
    // Cushny & Peebles' sleep data as analysed by Student (Biometrika 1908;6:1-25): extra hours of
    // sleep with two drugs in the same 10 patients. The paired differences (drug 2 - drug 1) have
    // mean 1.58 and 95% t interval 0.7001142 to 2.4598858 (R: t.test(extra ~ group, sleep, paired = TRUE),
    // the example printed in R's documentation of the sleep data).
    private static readonly decimal[] Differences = [1.2m, 2.4m, 1.3m, 1.3m, 0.0m, 1.0m, 1.8m, 0.8m, 4.6m, 1.4m];

    [Fact]
    public void From_StudentSleepDifferences_ReproducesPublishedInterval()
    {
        var estimate = MeanEstimate.From(ValueCounts.Of(Differences).Moments)!;

        Assert.Equal(10, estimate.N);
        Assert.Equal(1.58, estimate.Mean, 12);
        Assert.Equal(0.7001142, Math.Round(estimate.Interval!.Value.Lower, 7));
        Assert.Equal(2.4598858, Math.Round(estimate.Interval!.Value.Upper, 7));
    }

    [Fact]
    public void From_OneValue_MeanWithoutInterval()
    {
        var estimate = MeanEstimate.From(MomentSums.Empty.Add(3m))!;

        Assert.Equal(3, estimate.Mean);
        Assert.Null(estimate.Interval);
        Assert.Null(estimate.StandardDeviation);
    }

    [Fact]
    public void From_NoValue_Null()
    {
        Assert.Null(MeanEstimate.From(MomentSums.Empty));
    }
}
