using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;

public sealed class Eq5dIndexCalculatorTests
{
    [Fact]
    public void Score_ResponseWithMissingDimensions_IsNotComputableNamingThem()
    {
        var valueSet = Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "USA");

        var result = Eq5dIndexCalculator.Score(valueSet, new Eq5dResponse(Eq5dVersion.FiveLevel, 2, null, 3, 5, null));

        Assert.False(result.IsComputable);
        Assert.Equal(ScoreFailure.MissingInputCode, result.Failure!.Code);
        Assert.Equal(["SC", "AD"], result.Failure.Inputs);
        Assert.Equal("USA/5L", result.DefinitionVersion);
    }

    [Fact]
    public void Score_CompleteResponse_EqualsScoringTheState()
    {
        var valueSet = Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "USA");

        var result = Eq5dIndexCalculator.Score(valueSet, new Eq5dResponse(Eq5dVersion.FiveLevel, 2, 1, 3, 5, 4));

        Assert.Equal(0.090m, result.Score!.Index);
        Assert.Equal("21354", result.Score.State);
        Assert.Equal("5", result.Inputs["PD"]);
    }

    [Fact]
    public void Score_ResponseLevelOutOfRange_IsNotComputable()
    {
        var valueSet = Eq5dTestData.ValueSet(Eq5dVersion.ThreeLevel, "UK-TTO");

        var result = Eq5dIndexCalculator.Score(valueSet, new Eq5dResponse(Eq5dVersion.ThreeLevel, 1, 1, 4, 1, 1));

        Assert.Equal(ScoreFailure.InvalidInputCode, result.Failure!.Code);
    }

    [Fact]
    public void Score_ValueSetOfOtherVersion_IsNotComputable()
    {
        var valueSet = Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "England");

        var result = Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.ThreeLevel, "11111"));

        Assert.False(result.IsComputable);
        Assert.Equal(ScoreFailure.InvalidInputCode, result.Failure!.Code);
    }

    [Fact]
    public void Score_RecordsValueSetSourceAndRounding()
    {
        var result = Eq5dIndexCalculator.Score(Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "England"), Eq5dTestData.State(Eq5dVersion.FiveLevel, "23245"));

        Assert.Equal("England", result.Rules["valueSet"]);
        Assert.Contains("10.1002/hec.3564", result.Rules["valueSetSource"]);
        Assert.Contains("half away from zero", result.Rules["rounding"]);
        Assert.Equal("10.1002/hec.3564", result.Score!.ValueSetDoi);
    }

    [Theory]
    // One decrement of 0.0005 at level 2 of MO: 1 - 0.0005 = 0.9995, rounds up (away from zero) to 1.000.
    [InlineData("21111", "1.000")]
    // Two: 1 - 0.0010 = 0.999 exactly.
    [InlineData("22111", "0.999")]
    // 1 - 0.0005 * 3 = 0.9985 rounds away from zero to 0.999 (banker's rounding would give 0.998).
    [InlineData("22211", "0.999")]
    // Level 3 of MO is 1.0005: 1 - 1.0005 = -0.0005 rounds away from zero to -0.001.
    [InlineData("31111", "-0.001")]
    public void Score_MidpointAfterSumming_RoundsHalfAwayFromZero(string state, string expected)
    {
        var json = """
            {
              "name": "Midpoints", "version": "3L",
              "source": { "citation": "Test value set", "doi": "10.0000/test" },
              "decrements": {
                "MO": { "2": 0.0005, "3": 1.0005 }, "SC": { "2": 0.0005, "3": 0.5 }, "UA": { "2": 0.0005, "3": 0.5 },
                "PD": { "2": 0.0005, "3": 0.5 }, "AD": { "2": 0.0005, "3": 0.5 }
              }
            }
            """;
        var valueSet = Eq5dValueSetReader.Read(Eq5dTestData.Utf8(json)).Value!;

        var index = Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.ThreeLevel, state)).Score!.Index;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), index);
    }

    [Fact]
    public void Score_DecimalArithmetic_HasNoBinaryFloatingPointError()
    {
        // 0.1 + 0.2 is not 0.3 in binary floating point; with decimals 1 - 0.3 is exactly 0.7.
        var json = """
            {
              "name": "Tenths", "version": "3L",
              "source": { "citation": "Test value set", "doi": "10.0000/test" },
              "decrements": {
                "MO": { "2": 0.1, "3": 0.2 }, "SC": { "2": 0.2, "3": 0.3 }, "UA": { "2": 0.1, "3": 0.2 },
                "PD": { "2": 0.1, "3": 0.2 }, "AD": { "2": 0.1, "3": 0.2 }
              }
            }
            """;
        var valueSet = Eq5dValueSetReader.Read(Eq5dTestData.Utf8(json)).Value!;

        Assert.Equal(0.700m, Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.ThreeLevel, "22111")).Score!.Index);
    }
}
