using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Outcomes;

public sealed class DataQualityCountsTests
{
    [Fact]
    public void Summarise_MergedSites_RatesAndExactMedian()
    {
        var site1 = DataQualityCounts.Empty
            .AddDueVisit("6w", true).AddDueVisit("6w", false).AddDueVisit("12w", true)
            .AddFieldValue("nrs_pain", missing: true).AddFieldValue("nrs_pain", missing: false)
            .AddBatch(rejected: false, TimeSpan.FromSeconds(40)).AddBatch(rejected: true, null);
        var site2 = DataQualityCounts.Empty
            .AddDueVisit("6w", true)
            .AddFieldValue("nrs_pain", missing: false)
            .AddBatch(rejected: false, TimeSpan.FromSeconds(100)).AddBatch(rejected: false, TimeSpan.FromSeconds(70));

        var summary = site1.Merge(site2).Summarise();

        Assert.Equal(new ProportionCounts(2, 3), Counts(summary.Compliance["6w"]));
        Assert.Equal(new ProportionCounts(1, 1), Counts(summary.Compliance["12w"]));
        Assert.Equal(new ProportionCounts(1, 3), Counts(summary.MissingRate["nrs_pain"]));
        Assert.Equal(new ProportionCounts(1, 4), Counts(summary.BatchRejectionRate));
        Assert.Equal(TimeSpan.FromSeconds(70), summary.MedianProcessingTime);
    }

    [Fact]
    public void Merge_Order_DoesNotMatter()
    {
        var a = DataQualityCounts.Empty.AddDueVisit("6w", true).AddBatch(false, TimeSpan.FromSeconds(5));
        var b = DataQualityCounts.Empty.AddDueVisit("26w", false).AddBatch(true, null);

        Assert.Equal(a.Merge(b).Summarise().Compliance.Keys, b.Merge(a).Summarise().Compliance.Keys);
        Assert.Equal(a.Merge(b).Batches, b.Merge(a).Batches);
    }

    private static ProportionCounts Counts(ProportionEstimate? estimate) => new(estimate!.Successes, estimate.Total);
}
