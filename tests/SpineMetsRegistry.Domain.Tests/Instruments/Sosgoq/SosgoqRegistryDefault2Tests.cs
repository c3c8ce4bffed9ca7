using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sosgoq;

/// <summary>registry-default-2: item 20 out of the social function domain (Dutch validation 2022); the default.</summary>
public sealed class SosgoqRegistryDefault2Tests
{
    [Fact]
    public void RegistryDefault_IsVersionTwoAndVersionOneStaysSelectable()
    {
        Assert.Same(SosgoqDefinitions.RegistryDefault2, SosgoqDefinitions.RegistryDefault);
        Assert.Equal("registry-default-2", SosgoqDefinitions.RegistryDefault.DefinitionVersion);
        Assert.Same(SosgoqDefinitions.RegistryDefault1, SosgoqDefinitions.Find("registry-default-1"));
        Assert.Null(SosgoqDefinitions.Find("official-1"));
    }

    [Fact]
    public void RegistryDefault2_SocialFunctionIsItems18And19AndItem20StandsAlone()
    {
        var definition = SosgoqDefinitions.RegistryDefault2;

        var social = definition.Scales.Single(s => s.Code == "social_function");
        Assert.Equal(["sosgoq_18", "sosgoq_19"], social.ItemCodes);
        Assert.Equal(1, social.MinimumAnswered);
        var item20 = definition.Scales.Single(s => s.Code == "social_item_20");
        Assert.Equal(SosgoqScaleKind.SingleItem, item20.Kind);
        Assert.Equal(20, definition.Items.Count);
        Assert.Equal(15, definition.TotalMinimumAnswered);
        Assert.All(definition.Items, item => Assert.False(item.Reversed));
        Assert.Contains(definition.Sources, s => s.Contains("Dutch", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_Item20Worst_LowersSocialFunctionOnlyUnderVersionOne()
    {
        var answers = Enumerable.Range(1, 20).ToDictionary(n => $"sosgoq_{n:00}", n => (int?)(n == 20 ? 5 : 1));

        var version1 = SosgoqScorer.Score(SosgoqDefinitions.RegistryDefault1, answers);
        var version2 = SosgoqScorer.Score(SosgoqDefinitions.RegistryDefault2, answers);

        // v1: social function = mean(100, 100, 0) = 66.67; v2: mean(100, 100) = 100, item 20 alone = 0.
        Assert.Equal(66.67m, version1.Score!.Scale("social_function")!.Score);
        Assert.Equal(100m, version2.Score!.Scale("social_function")!.Score);
        Assert.Equal(0m, version2.Score.Scale("social_item_20")!.Score);
        // The total is the mean of all 20 items under both: 1900 / 20 = 95.
        Assert.Equal(95m, version1.Score.Total.Score);
        Assert.Equal(95m, version2.Score.Total.Score);
        Assert.Equal("registry-default-2", version2.DefinitionVersion);
    }
}
