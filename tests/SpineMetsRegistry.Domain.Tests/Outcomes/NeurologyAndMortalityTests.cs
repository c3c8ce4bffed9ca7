using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Statistics;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Outcomes;

public sealed class NeurologyAndMortalityTests
{
    [Theory]
    [InlineData(AsiaImpairmentScale.A, AsiaImpairmentScale.C, GradeChange.Improved)]
    [InlineData(AsiaImpairmentScale.D, AsiaImpairmentScale.B, GradeChange.Worse)]
    [InlineData(AsiaImpairmentScale.E, AsiaImpairmentScale.E, GradeChange.Unchanged)]
    public void Classify_AsiaGrades_TowardsEIsBetter(AsiaImpairmentScale baseline, AsiaImpairmentScale followUp, GradeChange expected)
    {
        Assert.Equal(expected, NeurologicalChange.Classify(baseline, followUp));
    }

    [Fact]
    public void Classify_FrankelMissingFollowUp_NotClassified()
    {
        Assert.Null(NeurologicalChange.Classify(FrankelGrade.C, null));
        Assert.Equal(GradeChange.Improved, NeurologicalChange.Classify(FrankelGrade.C, FrankelGrade.D));
    }

    [Fact]
    public void CategoryCounts_Merge_AddsPerCategory()
    {
        var site1 = CategoryCounts.Empty.Add("improved").Add("unchanged").Add("unchanged");
        var site2 = CategoryCounts.Empty.Add("worse").Add("unchanged");

        var pooled = site1.Merge(site2);

        Assert.Equal(3, pooled["unchanged"]);
        Assert.Equal(5, pooled.Total);
        Assert.Equal(0, pooled["absent"]);
    }

    [Theory]
    [InlineData(20, true, 30, true)]    // died day 20
    [InlineData(30, true, 30, true)]    // died on day 30: counts
    [InlineData(20, false, 30, null)]   // censored day 20: status at 30 unknown, not in the denominator
    [InlineData(45, false, 30, false)]  // known alive past day 30
    [InlineData(60, true, 30, false)]   // died day 60: alive at 30
    [InlineData(60, true, 90, true)]
    public void DiedBy_Horizon_DenominatorOnlyKnownStatus(int day, bool died, int horizon, bool? expected)
    {
        Assert.Equal(expected, EarlyMortality.DiedBy(new SurvivalObservation(day, died), horizon));
    }

    [Fact]
    public void Add_MortalityCounts_UnknownStatusLeavesCountsUnchanged()
    {
        var counts = new[] { new SurvivalObservation(10, true), new SurvivalObservation(5, false), new SurvivalObservation(100, false) }
            .Aggregate(new ProportionCounts(), (c, o) => EarlyMortality.Add(c, o, EarlyMortality.ThirtyDays));

        Assert.Equal(new ProportionCounts(1, 2), counts);
    }
}
