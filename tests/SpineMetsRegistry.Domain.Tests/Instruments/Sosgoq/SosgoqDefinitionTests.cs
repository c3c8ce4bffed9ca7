using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sosgoq;

public sealed class SosgoqDefinitionTests
{
    private const string Alternative = """
        {
          "instrument": "SOSGOQ",
          "instrumentVersion": "2.0",
          "definitionVersion": "test-alt-1",
          "status": "test",
          "notice": "A replacement definition, loaded without code changes.",
          "responseLevels": { "lowest": 1, "highest": 5, "best": 1 },
          "itemScoring": "linear0to100",
          "scaleScoring": "meanOfAnsweredItems",
          "decimals": 1,
          "scales": [
            { "code": "a", "name": "Domain A", "kind": "domain", "minimumAnswered": 2 },
            { "code": "b", "name": "Item B", "kind": "singleItem", "minimumAnswered": 1 }
          ],
          "total": { "minimumAnswered": 2 },
          "items": [
            { "code": "q1", "scale": "a" },
            { "code": "q2", "scale": "a", "reversed": true },
            { "code": "q3", "scale": "a" },
            { "code": "q4", "scale": "b" }
          ]
        }
        """;

    [Fact]
    public void RegistryDefault1_HasTwentyItemsFourDomainsAndFourNeurologicalSingleItems()
    {
        var definition = SosgoqDefinitions.RegistryDefault1;

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"sosgoq_{n:00}"), definition.Items.Select(i => i.Code));
        Assert.Equal(
            ["physical_function", "pain", "mental_health", "social_function"],
            definition.Scales.Where(s => s.Kind == SosgoqScaleKind.Domain).Select(s => s.Code));
        Assert.Equal(
            ["neurological_legs", "neurological_arms", "neurological_bowel", "neurological_bladder"],
            definition.Scales.Where(s => s.Kind == SosgoqScaleKind.SingleItem).Select(s => s.Code));
        Assert.All(definition.Items, item => Assert.False(item.Reversed));
        Assert.Equal(1, definition.BestLevel);
        Assert.Equal("registry-default", definition.Status);
        Assert.Contains("NOT the official", definition.Notice);
    }

    [Fact]
    public void RegistryDefault1_MinimumAnsweredIsAtLeastHalfPerDomainAnd75PercentOverall()
    {
        var definition = SosgoqDefinitions.RegistryDefault1;

        Assert.All(definition.Scales, s => Assert.Equal((s.ItemCodes.Count + 1) / 2, s.MinimumAnswered));
        Assert.Equal(15, definition.TotalMinimumAnswered);
        Assert.Equal(20, definition.Scales.Sum(s => s.ItemCodes.Count));
    }

    [Fact]
    public void Read_ReplacementDefinition_ChangesScoringWithoutCodeChanges()
    {
        var definition = SosgoqDefinitionReader.Read(Utf8(Alternative));
        Assert.True(definition.IsSuccess, string.Join("; ", definition.Errors));

        // q1 = 1 -> 100, q2 reversed: 4 -> 75, q3 = 3 -> 50: A = 75.0; q4 = 2 -> 75; total (100 + 75 + 50 + 75) / 4 = 75.
        var result = SosgoqScorer.Score(definition.Value!, new Dictionary<string, int?> { ["q1"] = 1, ["q2"] = 4, ["q3"] = 3, ["q4"] = 2 });

        Assert.Equal("test-alt-1", result.DefinitionVersion);
        Assert.Equal(75m, result.Score!.Scale("a")!.Score);
        Assert.Equal(75m, result.Score.Scale("b")!.Score);
        Assert.Equal(75m, result.Score.Total.Score);
    }

    [Fact]
    public void ItemScore_ReversedItem_HighestLevelIsBest()
    {
        var definition = SosgoqDefinitionReader.Read(Utf8(Alternative)).Value!;
        Assert.True(definition.TryGetItem("q2", out var reversed));
        Assert.True(definition.TryGetItem("q1", out var plain));

        Assert.Equal(100m, definition.ItemScore(reversed, 5));
        Assert.Equal(0m, definition.ItemScore(reversed, 1));
        Assert.Equal(100m, definition.ItemScore(plain, 1));
        Assert.Equal(0m, definition.ItemScore(plain, 5));
    }

    [Theory]
    [InlineData("{ \"code\": \"q4\", \"scale\": \"b\" }", "{ \"code\": \"q4\", \"scale\": \"b\" }, { \"code\": \"q5\", \"scale\": \"b\" }", "$.scales[1]")]
    [InlineData("{ \"code\": \"q4\", \"scale\": \"b\" }", "{ \"code\": \"q4\", \"scale\": \"c\" }", "$.items")]
    [InlineData("\"meanOfAnsweredItems\"", "\"medianOfAnsweredItems\"", "$.scaleScoring")]
    [InlineData("\"linear0to100\"", "\"logit\"", "$.itemScoring")]
    [InlineData("\"kind\": \"domain\", \"minimumAnswered\": 2", "\"kind\": \"domain\", \"minimumAnswered\": 4", "$.scales[0].minimumAnswered")]
    [InlineData("\"best\": 1", "\"best\": 3", "$.responseLevels.best")]
    [InlineData("\"total\": { \"minimumAnswered\": 2 }", "\"total\": { \"minimumAnswered\": 5 }", "$.total.minimumAnswered")]
    [InlineData("{ \"code\": \"q3\", \"scale\": \"a\" }", "{ \"code\": \"q1\", \"scale\": \"a\" }", "$.items[2].code")]
    [InlineData("\"decimals\": 1", "\"decimal\": 1", "$.decimal")]
    public void Read_FaultyDefinition_ReportsTheProblemWithItsPath(string find, string replace, string expectedPath)
    {
        Assert.Contains(find, Alternative, StringComparison.Ordinal);

        var loaded = SosgoqDefinitionReader.Read(Utf8(Alternative.Replace(find, replace, StringComparison.Ordinal)));

        Assert.False(loaded.IsSuccess);
        Assert.Contains(loaded.Errors, e => e.Path == expectedPath);
    }

    private static MemoryStream Utf8(string json) => new(System.Text.Encoding.UTF8.GetBytes(json));
}
