using SpineMetsRegistry.Domain.Instruments.Anatomy;
using SpineMetsRegistry.Domain.Instruments.Sins;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sins;

public sealed class SinsLocationMapTests
{
    // Fisher 2010: junctional occiput-C2, C7-T2, T11-L1, L5-S1; mobile C3-C6, L2-L4;
    // semirigid T3-T10; rigid S2-S5. Written out level by level, independently of the code.
    public static TheoryData<string, SinsLocation> EveryLevel() => new()
    {
        { "C0", SinsLocation.Junctional }, { "C1", SinsLocation.Junctional }, { "C2", SinsLocation.Junctional },
        { "C3", SinsLocation.Mobile }, { "C4", SinsLocation.Mobile }, { "C5", SinsLocation.Mobile }, { "C6", SinsLocation.Mobile },
        { "C7", SinsLocation.Junctional }, { "T1", SinsLocation.Junctional }, { "T2", SinsLocation.Junctional },
        { "T3", SinsLocation.Semirigid }, { "T4", SinsLocation.Semirigid }, { "T5", SinsLocation.Semirigid }, { "T6", SinsLocation.Semirigid },
        { "T7", SinsLocation.Semirigid }, { "T8", SinsLocation.Semirigid }, { "T9", SinsLocation.Semirigid }, { "T10", SinsLocation.Semirigid },
        { "T11", SinsLocation.Junctional }, { "T12", SinsLocation.Junctional }, { "L1", SinsLocation.Junctional },
        { "L2", SinsLocation.Mobile }, { "L3", SinsLocation.Mobile }, { "L4", SinsLocation.Mobile },
        { "L5", SinsLocation.Junctional }, { "S1", SinsLocation.Junctional },
        { "S2", SinsLocation.Rigid }, { "S3", SinsLocation.Rigid }, { "S4", SinsLocation.Rigid }, { "S5", SinsLocation.Rigid },
    };

    [Theory]
    [MemberData(nameof(EveryLevel))]
    public void LocationOf_Level_IsTheFisherClass(string code, SinsLocation expected)
    {
        Assert.True(VertebralLevel.TryParse(code, out var level));

        Assert.Equal(expected, SinsLocationMap.LocationOf(level));
    }

    [Fact]
    public void EveryLevelTable_CoversEveryRegistryLevel()
    {
        var tabulated = EveryLevel().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(VertebralLevel.All.Count, tabulated.Count);
        Assert.All(VertebralLevel.All, level => Assert.Contains(level.Code, tabulated));
    }
}
