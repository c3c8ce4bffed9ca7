using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Anatomy;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Anatomy;

public sealed class VertebralLevelTests
{
    private static readonly string[] ExpectedCodes =
    [
        "C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7",
        "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
        "L1", "L2", "L3", "L4", "L5",
        "S1", "S2", "S3", "S4", "S5",
    ];

    [Fact]
    public void All_ListsEveryRegistryLevelCraniocaudally()
    {
        Assert.Equal(ExpectedCodes, VertebralLevel.All.Select(l => l.Code));
    }

    public static TheoryData<string> Codes() => new(ExpectedCodes);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Parse_CanonicalOrLowerCaseCode_ReturnsCanonicalLevel(string code)
    {
        Assert.True(VertebralLevel.TryParse(code, out var upper));
        Assert.True(VertebralLevel.TryParse(code.ToLowerInvariant(), out var lower));
        Assert.Equal(code, upper.Code);
        Assert.Equal(upper, lower);
        Assert.Equal(code, upper.ToString());
    }

    [Theory]
    [InlineData("C8", ParseError.OutOfRangeCode)]
    [InlineData("T13", ParseError.OutOfRangeCode)]
    [InlineData("T0", ParseError.OutOfRangeCode)]
    [InlineData("L6", ParseError.OutOfRangeCode)]
    [InlineData("L0", ParseError.OutOfRangeCode)]
    [InlineData("S6", ParseError.OutOfRangeCode)]
    [InlineData("X1", ParseError.MalformedCode)]
    [InlineData("T", ParseError.MalformedCode)]
    [InlineData("T01", ParseError.MalformedCode)]
    [InlineData("T1 ", ParseError.MalformedCode)]
    [InlineData("T123", ParseError.MalformedCode)]
    [InlineData("Tx", ParseError.MalformedCode)]
    [InlineData("", ParseError.MissingCode)]
    [InlineData(null, ParseError.MissingCode)]
    public void Parse_NotARegistryLevel_FailsWithCode(string? code, string expectedError)
    {
        var result = VertebralLevel.Parse(code);

        Assert.False(result.IsSuccess);
        Assert.Equal(expectedError, result.Error!.Code);
        Assert.False(VertebralLevel.TryParse(code, out _));
    }

    [Fact]
    public void Create_RegionAndNumber_MatchesParse()
    {
        Assert.True(VertebralLevel.Create(SpinalRegion.Lumbar, 5).TryGetValue(out var level));
        Assert.Equal("L5", level.Code);
        Assert.False(VertebralLevel.Create(SpinalRegion.Sacral, 0).IsSuccess);
    }
}
