using SpineMetsRegistry.Domain.Instruments.Performance;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Performance;

public sealed class PerformanceStatusTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(-1, false)]
    public void EcogCreate_ZeroToFive_Only(int value, bool valid)
    {
        Assert.Equal(valid, EcogGrade.Create(value).IsSuccess);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(100, true)]
    [InlineData(75, false)]
    [InlineData(110, false)]
    [InlineData(-10, false)]
    public void KpsCreate_ZeroToHundredInStepsOfTen_Only(int value, bool valid)
    {
        Assert.Equal(valid, KarnofskyScore.Create(value).IsSuccess);
    }

    // The common table: ECOG 0 = KPS 90-100, 1 = 70-80, 2 = 50-60, 3 = 30-40, 4 = 10-20, 5 = 0.
    [Theory]
    [InlineData(100, 0)]
    [InlineData(90, 0)]
    [InlineData(80, 1)]
    [InlineData(70, 1)]
    [InlineData(60, 2)]
    [InlineData(50, 2)]
    [InlineData(40, 3)]
    [InlineData(30, 3)]
    [InlineData(20, 4)]
    [InlineData(10, 4)]
    [InlineData(0, 5)]
    public void ConventionalToEcog_EveryKps_IsTheCommonTable(int kps, int ecog)
    {
        var result = KpsEcogConverter.ToEcog(Kps(kps), KpsEcogMaps.Conventional);

        Assert.Equal(ecog, result.Score!.Result);
        Assert.Equal("conventional", result.Rules["kpsEcogMap"]);
        Assert.Equal("conventional", result.Score.Map);
    }

    // ECOG to KPS takes the lower end of each range (registry choice).
    [Theory]
    [InlineData(0, 90)]
    [InlineData(1, 70)]
    [InlineData(2, 50)]
    [InlineData(3, 30)]
    [InlineData(4, 10)]
    [InlineData(5, 0)]
    public void ConventionalToKps_EveryEcog_IsTheLowerEndOfItsRange(int ecog, int kps)
    {
        Assert.True(EcogGrade.Create(ecog).TryGetValue(out var grade));

        var result = KpsEcogConverter.ToKps(grade, KpsEcogMaps.Conventional);

        Assert.Equal(kps, result.Score!.Result);
        Assert.Equal(ecog, KpsEcogMaps.Conventional.ToEcog(Kps(kps)).Value);
    }

    [Fact]
    public void Create_OverlappingOrIncompleteBands_ReportsEveryProblem()
    {
        var map = KpsEcogMap.Create(
            "broken",
            "test",
            [
                new KpsEcogBand(0, 80, 100, 90),
                new KpsEcogBand(1, 70, 80, 90),
                new KpsEcogBand(2, 50, 60, 50),
                new KpsEcogBand(3, 30, 40, 30),
                new KpsEcogBand(4, 10, 20, 10),
            ]);

        Assert.False(map.IsSuccess);
        Assert.Contains(map.Errors, e => e.Message.Contains("exactly one band for each ECOG grade", StringComparison.Ordinal));
        Assert.Contains(map.Errors, e => e.Message.Contains("kpsForEcog", StringComparison.Ordinal));
        Assert.Contains(map.Errors, e => e.Message.Contains("KPS 0, 80", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_ValidAlternativeMap_ConvertsByItsOwnBands()
    {
        var map = KpsEcogMap.Create(
            "alternative",
            "test map",
            [
                new KpsEcogBand(0, 100, 100, 100),
                new KpsEcogBand(1, 80, 90, 80),
                new KpsEcogBand(2, 60, 70, 60),
                new KpsEcogBand(3, 40, 50, 40),
                new KpsEcogBand(4, 10, 30, 20),
                new KpsEcogBand(5, 0, 0, 0),
            ]).Value!;

        Assert.Equal(1, map.ToEcog(Kps(90)).Value);
        Assert.Equal(80, map.ToKps(EcogGrade.Create(1).TryGetValue(out var one) ? one : default).Value);
    }

    private static KarnofskyScore Kps(int value)
    {
        Assert.True(KarnofskyScore.Create(value).TryGetValue(out var kps));
        return kps;
    }
}
