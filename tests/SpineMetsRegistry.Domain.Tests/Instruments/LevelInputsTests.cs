using SpineMetsRegistry.Domain.Instruments;

namespace SpineMetsRegistry.Domain.Tests.Instruments;

/// <summary>A questionnaire's inputs over a per-definition template read exactly as the recorded map they replace.</summary>
public sealed class LevelInputsTests
{
    private static readonly string[] Names = ["q_03", "q_01", "q_02", "q_10", "q_04"];

    [Fact]
    public void Reads_RandomLevels_SameAsRecordedMap()
    {
        var template = new LevelInputsTemplate(Names, 1, 5);
        var random = new Random(15);
        for (var sample = 0; sample < 200; sample++)
        {
            var levels = Names.Select(_ => random.Next(3) == 0 ? (int?)null : random.Next(1, 6)).ToArray();
            var recorded = new ProvenanceMap<string?>(Names.Length);
            for (var i = 0; i < Names.Length; i++)
            {
                recorded.Set(Names[i], levels[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var inputs = new LevelInputs(template, levels);

            Assert.Equal(recorded.ToList(), inputs.ToList());
            Assert.Equal(recorded.Keys, inputs.Keys);
            Assert.Equal(recorded.Values, inputs.Values);
            Assert.Equal(recorded.Count, inputs.Count);
            foreach (var name in Names)
            {
                Assert.Equal(recorded[name], inputs[name]);
                Assert.True(inputs.TryGetValue(name, out var value));
                Assert.Equal(recorded[name], value);
                Assert.True(inputs.ContainsKey(name));
            }
        }
    }

    [Fact]
    public void Lookup_UnknownName_NotFoundAsInTheRecordedMap()
    {
        var inputs = new LevelInputs(new LevelInputsTemplate(Names, 1, 5), [1, null, 2, 3, 4]);

        Assert.False(inputs.ContainsKey("Q_01"));
        Assert.False(inputs.TryGetValue("q_99", out _));
        Assert.Throws<KeyNotFoundException>(() => inputs["q_99"]);
    }

    [Fact]
    public void LevelText_EveryLevel_InvariantTextSharedAcrossRows()
    {
        var template = new LevelInputsTemplate(Names, -2, 12);

        Assert.Equal(Enumerable.Range(-2, 15).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), Enumerable.Range(-2, 15).Select(template.LevelText));
        Assert.Same(template.LevelText(11), template.LevelText(11));
    }

    [Fact]
    public void Create_DuplicateNamesOrWrongLevelCount_Refused()
    {
        Assert.Throws<ArgumentException>(() => new LevelInputsTemplate(["a", "b", "a"], 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LevelInputsTemplate(["a"], 5, 1));
        Assert.Throws<ArgumentException>(() => new LevelInputs(new LevelInputsTemplate(Names, 1, 5), [1, 2]));
    }
}
