using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Complications;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Complications;

public sealed class SavesClassifierTests
{
    // Rampersaud 2010: I no or minimal treatment, stay +1-2 days; II treatment and/or stay +3-7 days, no long-term effect;
    // III treatment and/or stay > 7 days, long-term effect (> 6 months); IV death. The most severe criterion decides.
    [Theory]
    [InlineData(false, 0, false, false, SavesGrade.I)]
    [InlineData(false, 2, false, false, SavesGrade.I)]
    [InlineData(false, 3, false, false, SavesGrade.II)]
    [InlineData(true, 0, false, false, SavesGrade.II)]
    [InlineData(true, 7, false, false, SavesGrade.II)]
    [InlineData(false, 7, false, false, SavesGrade.II)]
    [InlineData(false, 8, false, false, SavesGrade.III)]
    [InlineData(true, 8, false, false, SavesGrade.III)]
    [InlineData(false, 0, true, false, SavesGrade.III)]
    [InlineData(true, 2, true, false, SavesGrade.III)]
    [InlineData(false, 0, false, true, SavesGrade.IV)]
    [InlineData(true, 30, true, true, SavesGrade.IV)]
    public void Classify_Components_GivesTheMostSevereGradeMet(bool treatment, int extraDays, bool longTerm, bool death, SavesGrade expected)
    {
        var result = SavesClassifier.Classify(new SavesComponents(treatment, extraDays, longTerm, death));

        Assert.Equal(expected, result.Score!.Grade);
        Assert.False(string.IsNullOrWhiteSpace(result.Score.Reason));
        Assert.Equal(extraDays.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Inputs["extraLengthOfStayDays"]);
    }

    [Fact]
    public void Classify_NegativeStayIncrease_IsInvalidInput()
    {
        var result = SavesClassifier.Classify(new SavesComponents(false, -1, false, false));

        Assert.Equal(ScoreFailure.InvalidInputCode, result.Failure!.Code);
    }

    [Theory]
    [InlineData("I", SavesGrade.I)]
    [InlineData("ii", SavesGrade.II)]
    [InlineData("III", SavesGrade.III)]
    [InlineData("IV", SavesGrade.IV)]
    public void GradeCode_Parses(string code, SavesGrade grade)
    {
        Assert.True(SavesCodes.Grade.TryParse(code, out var parsed));
        Assert.Equal(grade, parsed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("V")]
    [InlineData("none")]
    public void GradeCode_NoComplicationIsNotAGrade(string code)
    {
        Assert.False(SavesCodes.Grade.TryParse(code, out _));
    }
}
