using System.Text.Json;
using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Sins;
using SpineMetsRegistry.Domain.Scoring;

namespace SpineMetsRegistry.Domain.Tests.Scoring;

/// <summary>Stored score categories, converted once per enum member: the same text as converting on every row.</summary>
public sealed class SnakeCaseNamesTests
{
    [Fact]
    public void Of_EveryMember_SameAsSnakeCasePolicy()
    {
        Assert.All(Enum.GetValues<SinsCategory>(), value =>
            Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()), SnakeCaseNames<SinsCategory>.Of(value)));
        Assert.All(Enum.GetValues<NomsRadiationPathway>(), value =>
            Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()), SnakeCaseNames<NomsRadiationPathway>.Of(value)));
        Assert.Equal("potentially_unstable", SnakeCaseNames<SinsCategory>.Of(SinsCategory.PotentiallyUnstable));
    }

    [Fact]
    public void Of_ValueOutsideMembers_ConvertedAsItIs()
    {
        Assert.Equal("42", SnakeCaseNames<SinsCategory>.Of((SinsCategory)42));
    }
}
