using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sosgoq;

/// <summary>
/// The record scorer's SOSGOQ path scores a row's levels into plain values: every scale's
/// score and failure message must be the general scorer's, under every definition.
/// </summary>
public sealed class SosgoqRowScorerTests
{
    public static TheoryData<string> Definitions => [.. SosgoqDefinitions.All.Select(d => d.DefinitionVersion)];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void ScaleScore_RandomLevels_SameAsGeneralScorer(string definitionVersion)
    {
        var definition = SosgoqDefinitions.Find(definitionVersion)!;
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

    private static int?[] RandomLevels(SosgoqDefinition definition, Random random, double chanceMissing) =>
        [.. definition.Items.Select(_ => random.NextDouble() < chanceMissing ? (int?)null : random.Next(definition.LowestLevel, definition.HighestLevel + 1))];
}
