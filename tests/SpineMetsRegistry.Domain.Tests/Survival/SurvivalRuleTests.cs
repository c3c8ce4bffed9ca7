using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

public sealed class SurvivalRuleTests
{
    private static readonly DateOnly Index = new(2025, 3, 1);

    [Fact]
    public void Observe_Deceased_EventAtDeathDate()
    {
        var result = SurvivalRule.Observe(Index, new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 20));

        Assert.Equal(new SurvivalObservation(30, true), result.Observation);
    }

    [Fact]
    public void Observe_Alive_CensoredAtLastDateKnownAlive()
    {
        var result = SurvivalRule.Observe(Index, null, new DateOnly(2025, 6, 1));

        Assert.Equal(new SurvivalObservation(92, false), result.Observation);
    }

    [Theory]
    [InlineData(null, null, SurvivalProblem.NoFollowUpDateCode)]
    [InlineData(-1, null, SurvivalProblem.BeforeIndexCode)]
    [InlineData(null, -3, SurvivalProblem.BeforeIndexCode)]
    [InlineData(10, 11, SurvivalProblem.AliveAfterDeathCode)]
    public void Observe_UnusableDates_NamedProblem(int? deathDay, int? aliveDay, string code)
    {
        var result = SurvivalRule.Observe(deathDay, aliveDay);

        Assert.Null(result.Observation);
        Assert.Equal(code, result.Problem!.Code);
    }

    [Fact]
    public void Observe_DeathOnIndexDay_EventAtDayZero()
    {
        Assert.Equal(new SurvivalObservation(0, true), SurvivalRule.Observe(0, null).Observation);
    }
}
