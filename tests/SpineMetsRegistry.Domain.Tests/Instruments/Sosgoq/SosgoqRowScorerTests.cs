using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sosgoq;

/// <summary>
/// The record scorer's SOSGOQ path scores a row's levels into plain values: every scale's
/// score and failure message must be the general scorer's, under every definition.
/// </summary>
public sealed class SosgoqRowScorerTests
{
    /// <summary>
    /// The registry's definitions, and variants of the default's items on other level ranges
    /// and precisions: item scores that are whole (0-10 by tens, 1-5 by quarters of 100) take
    /// integer arithmetic, the others (1-4, 1-7: thirds and sixths of 100) decimal sums.
    /// </summary>
    public static TheoryData<string> Definitions =>
    [
        .. SosgoqDefinitions.All.Select(d => d.DefinitionVersion),
        "1-4 levels, 2 decimals",
        "1-4 levels, 0 decimals",
        "1-7 levels, 3 decimals",
        "0-10 levels, 1 decimal",
        "1-5 levels, 0 decimals",
    ];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void ScaleScore_RandomLevels_SameAsGeneralScorer(string definitionName)
    {
        var definition = DefinitionNamed(definitionName);
        var rows = new SosgoqRowScorer(definition);
        var random = new Random(15);
        var insufficient = 0;
        for (var sample = 0; sample < 400; sample++)
        {
            // From nearly all answered to nearly none, so scales fall below their minimum too.
            var levels = RandomLevels(definition, random, random.NextDouble());
            var general = SosgoqScorer.Score(definition, levels);
            var itemScores = new decimal?[levels.Length];
            if (!levels.Any(l => l is not null))
            {
                Assert.False(rows.TryItemScores(levels, itemScores));
                continue;
            }

            Assert.True(rows.TryItemScores(levels, itemScores));
            var expected = general.Score!.Scales.Append(general.Score.Total).ToList();
            Assert.Equal(expected.Count, rows.ScaleCount);
            for (var s = 0; s < rows.ScaleCount; s++)
            {
                var value = rows.ScaleScore(s, itemScores, out var failure);
                Assert.Equal(expected[s].Code, rows.ScaleCode(s));
                Assert.Equal(expected[s].Score, value);
                Assert.Equal(expected[s].Score?.Scale, value?.Scale);
                Assert.Equal(expected[s].Failure?.Message, failure);
                insufficient += failure is null ? 0 : 1;
            }

            Assert.Equal(general.Inputs.ToList(), new LevelInputs(rows.Inputs, levels).ToList());
            Assert.Equal(general.Rules.ToList(), rows.Rules.ToList());
            Assert.Equal((general.Instrument, general.InstrumentVersion, general.DefinitionVersion), (rows.Instrument.Name, rows.Instrument.Version, rows.DefinitionVersion));
        }

        Assert.True(insufficient > 100, $"{insufficient} scales with too few answers");
    }

    [Fact]
    public void TryItemScores_LevelOutsideDefinition_LeftToTheGeneralScorer()
    {
        var definition = SosgoqDefinitions.RegistryDefault;
        var rows = new SosgoqRowScorer(definition);
        var levels = RandomLevels(definition, new Random(3), 0);
        var itemScores = new decimal?[levels.Length];
        Assert.True(rows.TryItemScores(levels, itemScores));

        levels[4] = definition.HighestLevel + 1;
        Assert.False(rows.TryItemScores(levels, itemScores));
        levels[4] = definition.LowestLevel - 1;
        Assert.False(rows.TryItemScores(levels, itemScores));
        Assert.Throws<ArgumentException>(() => rows.TryItemScores(levels.AsSpan(1), itemScores.AsSpan(1)));
    }

    private static SosgoqDefinition DefinitionNamed(string name)
    {
        if (SosgoqDefinitions.Find(name) is { } registry)
        {
            return registry;
        }

        // "L-H levels, D decimal(s)": the default's scales and items on another range.
        var parts = name.Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries);
        var (lowest, highest, decimals) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
        var d = SosgoqDefinitions.RegistryDefault;
        return new SosgoqDefinition(
            d.InstrumentVersion, name, d.Status, d.Notice, d.Sources, lowest, highest, highest, decimals, d.TotalMinimumAnswered, d.Scales, d.Items);
    }

    private static int?[] RandomLevels(SosgoqDefinition definition, Random random, double chanceMissing) =>
        [.. definition.Items.Select(_ => random.NextDouble() < chanceMissing ? (int?)null : random.Next(definition.LowestLevel, definition.HighestLevel + 1))];
}
