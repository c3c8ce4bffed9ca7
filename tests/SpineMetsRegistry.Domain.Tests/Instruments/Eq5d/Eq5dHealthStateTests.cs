using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;

public sealed class Eq5dHealthStateTests
{
    [Theory]
    [InlineData("3L", "11114", ParseError.OutOfRangeCode)]
    [InlineData("5L", "56555", ParseError.OutOfRangeCode)]
    [InlineData("5L", "01111", ParseError.OutOfRangeCode)]
    [InlineData("5L", "1111", ParseError.MalformedCode)]
    [InlineData("5L", "111111", ParseError.MalformedCode)]
    [InlineData("5L", "1111a", ParseError.MalformedCode)]
    [InlineData("5L", "", ParseError.MalformedCode)]
    [InlineData("5L", null, ParseError.MalformedCode)]
    public void Parse_InvalidState_FailsWithReason(string version, string? code, string errorCode)
    {
        Assert.True(Eq5dCodes.Version.TryParse(version, out var parsedVersion));

        var result = Eq5dHealthState.Parse(parsedVersion, code);

        Assert.False(result.IsSuccess);
        Assert.Equal(errorCode, result.Error!.Code);
    }

    [Fact]
    public void Parse_ValidState_ExposesLevelsInDimensionOrder()
    {
        var state = Eq5dTestData.State(Eq5dVersion.FiveLevel, "21354");

        Assert.Equal([2, 1, 3, 5, 4], state.Levels);
        Assert.Equal(5, state.LevelOf(Eq5dDimension.PainDiscomfort));
        Assert.Equal(4, state.LevelOf(Eq5dDimension.AnxietyDepression));
    }

    [Fact]
    public void OneLevelWorseIn_WorstLevel_IsNull()
    {
        var state = Eq5dTestData.State(Eq5dVersion.ThreeLevel, "31111");

        Assert.Null(state.OneLevelWorseIn(Eq5dDimension.Mobility));
        Assert.Equal("32111", state.OneLevelWorseIn(Eq5dDimension.SelfCare)!.Code);
    }
}
