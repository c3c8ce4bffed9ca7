using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

public sealed class LogRankTestTests
{
    [Fact]
    public void Compare_FreireichSixMpVersusPlacebo_ReproducesPublishedChiSquare()
    {
        var result = LogRankTest.Compare(new Dictionary<string, SurvivalCounts>
        {
            ["6-MP"] = SurvivalCounts.Of(FreireichData.SixMp),
            ["placebo"] = SurvivalCounts.Of(FreireichData.Placebo),
        });

        // Klein & Moeschberger (2nd ed.) report 16.79 for these data; R survdiff prints
        // Observed 9 / Expected 19.3 (6-MP), 21 / 10.7 (placebo), Chisq = 16.8 on 1 df, p = 4e-05.
        Assert.NotNull(result);
        Assert.Equal(16.79, Math.Round(result.ChiSquare, 2));
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(4e-5, Math.Round(result.PValue, 5));
        var sixMp = result.Groups.Single(g => g.Group == "6-MP");
        var placebo = result.Groups.Single(g => g.Group == "placebo");
        Assert.Equal((9L, 19.3), (sixMp.Observed, Math.Round(sixMp.Expected, 1)));
        Assert.Equal((21L, 10.7), (placebo.Observed, Math.Round(placebo.Expected, 1)));
    }

    [Fact]
    public void Compare_ThreeGroups_IndependentOfGroupNamesAndOrder()
    {
        var random = new Random(7);
        var groups = Enumerable.Range(0, 3).ToDictionary(
            g => $"g{g}",
            g => SurvivalCounts.Of(Enumerable.Range(0, 40).Select(_ => new SurvivalObservation(random.Next(0, 200 + (g * 100)), random.Next(3) > 0))));
        var renamed = new Dictionary<string, SurvivalCounts> { ["z"] = groups["g0"], ["a"] = groups["g1"], ["m"] = groups["g2"] };

        var first = LogRankTest.Compare(groups)!;
        var second = LogRankTest.Compare(renamed)!;

        Assert.Equal(2, first.DegreesOfFreedom);
        Assert.Equal(first.ChiSquare, second.ChiSquare, 9);
        Assert.Equal(first.Groups.Sum(g => g.Observed), first.Groups.Sum(g => g.Expected), 9);
    }

    [Fact]
    public void Compare_GroupNeverAtRiskAtADeath_NullRatherThanInfinity()
    {
        Assert.Null(LogRankTest.Compare(new Dictionary<string, SurvivalCounts>
        {
            ["a"] = SurvivalCounts.Of([new SurvivalObservation(0, false)]),
            ["b"] = SurvivalCounts.Of(FreireichData.Placebo),
        }));
    }

    [Fact]
    public void Compare_FewerThanTwoGroupsWithPatients_Null()
    {
        Assert.Null(LogRankTest.Compare(new Dictionary<string, SurvivalCounts>
        {
            ["a"] = SurvivalCounts.Of(FreireichData.SixMp),
            ["b"] = SurvivalCounts.Empty,
        }));
    }
}
