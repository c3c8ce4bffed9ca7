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

    [Fact]
    public void TryParse_CodesInAnyCaseAndMalformedText_SameAsParse()
    {
        // Registry codes are looked up; anything else is parsed. Both must agree with Parse.
        string?[] others =
        [
            null, "", " ", "T", "t", "T0", "T13", "t13", "C8", "L6", "S6", "T01", "T1 ", " T1", "X1", "T+1", "T١",
            "\u017F1", "\u017f1", "ſ1", "Ｔ1", "c0", "C00", "l5", "s5", "T12a", "12",
        ];
        var texts = ExpectedCodes.SelectMany(c => new[] { c, c.ToLowerInvariant() }).Concat(others);
        foreach (var text in texts)
        {
            var parsed = VertebralLevel.Parse(text);
            Assert.Equal(parsed.IsSuccess, VertebralLevel.TryParse(text, out var level));
            if (parsed.TryGetValue(out var expected))
            {
                Assert.Equal(expected, level);
                Assert.Equal(expected.Code, level.Code);
            }
        }
    }

    [Fact]
    public void Code_EveryLevel_RegionLetterAndNumber()
    {
        foreach (var level in VertebralLevel.All)
        {
            var letter = level.Region switch
            {
                SpinalRegion.Cervical => 'C',
                SpinalRegion.Thoracic => 'T',
                SpinalRegion.Lumbar => 'L',
                _ => 'S',
            };
            Assert.Equal($"{letter}{level.Number}", level.Code);
        }
    }

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
