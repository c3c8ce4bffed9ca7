using SpineMetsRegistry.Domain.Outcomes;

namespace SpineMetsRegistry.Domain.Tests.Outcomes;

public sealed class QualityAdjustedSurvivalTests
{
    [Fact]
    public void FirstYear_AliveAllVisits_TrapezoidHeldToDay365()
    {
        UtilityVisit[] visits = [new(42, 0.7m), new(84, 0.7m), new(182, 0.8m), new(364, 0.8m)];

        var result = QualityAdjustedSurvival.FirstYear(0.5m, visits, null, 400, MissingVisitPolicy.CompleteCase);

        // By hand: 42×(0.5+0.7)/2 + 42×0.7 + 98×(0.7+0.8)/2 + 182×0.8 + 1×0.8 = 274.5 utility-days; / 365.
        Assert.Equal(274.5m / 365m, result.Qaly);
    }

    [Fact]
    public void FirstYear_DeathWithinYear_LinearToZeroAtDeath()
    {
        var result = QualityAdjustedSurvival.FirstYear(0.6m, [new(42, 0.4m), new(84, null)], 60, 50, MissingVisitPolicy.CompleteCase);

        // The 84-day visit falls after death and is not due. By hand: 42×(0.6+0.4)/2 + 18×(0.4+0)/2 = 24.6.
        Assert.Equal(24.6m / 365m, result.Qaly);
    }

    [Fact]
    public void FirstYear_MissingVisitCompleteCase_NoQaly()
    {
        var result = QualityAdjustedSurvival.FirstYear(0.5m, [new(42, null), new(84, 0.7m)], null, 365, MissingVisitPolicy.CompleteCase);

        Assert.Equal(QalyResult.MissingVisit, result.Problem);
        Assert.Null(result.Qaly);
    }

    [Fact]
    public void FirstYear_MissingVisitCarriedForward_LastObservedValueUsed()
    {
        var result = QualityAdjustedSurvival.FirstYear(0.5m, [new(42, null), new(84, 0.7m)], null, 365, MissingVisitPolicy.LastObservationCarriedForward);

        // By hand: 42×0.5 (carried) + 42×(0.5+0.7)/2 + 281×0.7 = 21 + 25.2 + 196.7 = 242.9.
        Assert.Equal(242.9m / 365m, result.Qaly);
    }

    [Fact]
    public void FirstYear_VisitAfterHorizon_InterpolatedAtDay365()
    {
        var result = QualityAdjustedSurvival.FirstYear(1m, [new(375, 0m)], null, 380, MissingVisitPolicy.CompleteCase);

        // Utility falls linearly from 1 (day 0) to 0 (day 375): at day 365 it is 10/375. Area 365×(1 + 10/375)/2.
        Assert.Equal(365m * (1m + (10m / 375m)) / 2m / 365m, result.Qaly);
    }

    [Theory]
    [InlineData(null, 200, QalyResult.IncompleteFollowUp)]
    [InlineData(null, 321, QalyResult.IncompleteFollowUp)]
    public void FirstYear_AliveFollowedTooShort_NoQaly(int? deathDay, int lastAlive, string problem)
    {
        var result = QualityAdjustedSurvival.FirstYear(0.8m, [new(42, 0.8m)], deathDay, lastAlive, MissingVisitPolicy.LastObservationCarriedForward);

        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public void FirstYear_NoBaseline_NoQaly()
    {
        Assert.Equal(QalyResult.MissingBaseline, QualityAdjustedSurvival.FirstYear(null, [], 10, 5, MissingVisitPolicy.CompleteCase).Problem);
    }

    [Fact]
    public void FirstYear_FullHealthWholeYear_One()
    {
        Assert.Equal(1m, QualityAdjustedSurvival.FirstYear(1m, [new(364, 1m)], null, 365, MissingVisitPolicy.CompleteCase).Qaly);
    }
}
