using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

public sealed class NumberAtRiskTests
{
    [Fact]
    public void StandardTimes_MonthsOfThirtyPointFourDaysRoundedDown()
    {
        Assert.Equal([0, 91, 182, 365, 730], NumberAtRisk.StandardTimes.Select(t => t.Day));
    }

    [Fact]
    public void At_CountsPatientsWhoseTimeIsTheDayOrLater()
    {
        var counts = SurvivalCounts.Of([new(0, true), new(91, true), new(90, false), new(400, false), new(800, true)]);

        var table = NumberAtRisk.At(counts, NumberAtRisk.StandardTimes);

        Assert.Equal([5L, 3L, 2L, 2L, 1L], table.Select(t => t.AtRisk));
    }
}
