using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

public sealed class KaplanMeierTests
{
    [Fact]
    public void Estimate_FreireichSixMp_ReproducesPublishedTable()
    {
        var curve = KaplanMeier.Estimate(SurvivalCounts.Of(FreireichData.SixMp));

        var expected = FreireichData.ExpectedSixMp;
        Assert.Equal(expected.Count, curve.Steps.Count);
        foreach (var (step, row) in curve.Steps.Zip(expected))
        {
            Assert.Equal(int.Parse(row[0]), step.Time);
            Assert.Equal(long.Parse(row[1]), step.AtRisk);
            Assert.Equal(long.Parse(row[2]), step.Events);
            Assert.Equal(long.Parse(row[3]), step.Censored);
            Assert.Equal(FreireichData.Number(row[4]), Math.Round(step.Survival, 3));
            Assert.Equal(FreireichData.Number(row[5]), Math.Round(step.StandardError, 3));
            Assert.Equal(FreireichData.Number(row[6]), Math.Round(step.Lower!.Value, 3));
            Assert.Equal(FreireichData.Number(row[7]), Math.Round(step.Upper!.Value, 3));
        }

        Assert.Equal(21, curve.Total);
        Assert.Equal(9, curve.Events);
        Assert.Equal(0, curve.CensoredBeforeFirstEvent);
    }

    [Fact]
    public void Estimate_FreireichSixMp_MedianAndBrookmeyerCrowleyLimits()
    {
        var median = KaplanMeier.Estimate(SurvivalCounts.Of(FreireichData.SixMp)).Median;

        // Median 23 weeks (Klein & Moeschberger §4.5; R survfit). Limits derived by hand from the
        // published log-log intervals above: the first lower limit <= 0.5 is 0.432 at week 13; no
        // upper limit falls to 0.5, so the upper limit is not reached.
        Assert.Equal(new MedianSurvival(23, 13, null), median);
    }

    [Fact]
    public void Estimate_FreireichPlacebo_MedianAndLimitsAndZeroSurvivalAtEnd()
    {
        var curve = KaplanMeier.Estimate(SurvivalCounts.Of(FreireichData.Placebo));

        // Median 8 weeks (Klein & Moeschberger; R). Limits by hand from the log-log intervals:
        // lower 0.425 at week 4 is the first <= 0.5; upper 0.482 at week 11 is the first <= 0.5.
        Assert.Equal(new MedianSurvival(8, 4, 11), curve.Median);
        var last = curve.Steps[^1];
        Assert.Equal(0, last.Survival);
        Assert.Null(last.Lower);
        Assert.Null(last.Upper);
    }

    [Fact]
    public void Estimate_CensoredBeforeFirstDeath_CountedSeparatelyAndNotAtRisk()
    {
        var counts = SurvivalCounts.Of([new(2, false), new(3, false), new(5, true), new(8, true), new(9, false)]);

        var curve = KaplanMeier.Estimate(counts);

        Assert.Equal(2, curve.CensoredBeforeFirstEvent);
        Assert.Equal(3, curve.Steps[0].AtRisk);
        Assert.Equal(2.0 / 3.0, curve.Steps[0].Survival, 12);
        Assert.Equal(1, curve.Steps[1].Censored);
        Assert.Equal(2.0 / 3.0 * 0.5, curve.SurvivalAt(8), 12);
        Assert.Equal(1.0, curve.SurvivalAt(4));
    }

    [Fact]
    public void Estimate_NoDeaths_NoStepsAndMedianNotReached()
    {
        var curve = KaplanMeier.Estimate(SurvivalCounts.Of([new(10, false), new(20, false)]));

        Assert.Empty(curve.Steps);
        Assert.Equal(new MedianSurvival(null, null, null), curve.Median);
    }
}
