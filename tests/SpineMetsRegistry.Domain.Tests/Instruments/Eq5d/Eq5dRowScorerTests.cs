using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Eq5d;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;

/// <summary>
/// The record scorer looks a complete response's index up in a table computed once per value
/// set: for every state under every built-in value set it must be the calculator's index,
/// with the calculator's provenance.
/// </summary>
public sealed class Eq5dRowScorerTests
{
    public static TheoryData<string, string> ValueSets()
    {
        var data = new TheoryData<string, string>();
        foreach (var valueSet in Eq5dValueSetCatalog.BuiltIn.ValueSets)
        {
            data.Add(Eq5dCodes.Version.ToCode(valueSet.Version), valueSet.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public void TryIndex_EveryState_TheCalculatorsIndexAndProvenance(string version, string name)
    {
        Assert.True(Eq5dCodes.Version.TryParse(version, out var parsedVersion));
        Assert.True(Eq5dValueSetCatalog.BuiltIn.TryGet(parsedVersion, name, out var valueSet));
        var rows = new Eq5dRowScorer(valueSet);
        var states = 0;
        foreach (var state in Eq5dHealthState.All(parsedVersion))
        {
            int?[] levels = [.. state.Levels.Select(l => (int?)l)];
            var expected = Eq5dIndexCalculator.Score(valueSet, new Eq5dResponse(parsedVersion, levels[0], levels[1], levels[2], levels[3], levels[4]));

            Assert.True(rows.TryIndex(levels, out var index));
            Assert.Equal(expected.Score!.Index, index);
            Assert.Equal(expected.Score.Index.Scale, index.Scale);
            Assert.Equal(expected.Inputs.ToList(), new LevelInputs(rows.Inputs, levels).ToList());
            Assert.Equal(expected.Rules.ToList(), rows.Rules.ToList());
            Assert.Equal((expected.Instrument, expected.InstrumentVersion, expected.DefinitionVersion), (rows.Instrument.Name, rows.Instrument.Version, rows.Definition));
            states++;
        }

        Assert.Equal(parsedVersion == Eq5dVersion.ThreeLevel ? 243 : 3_125, states);
    }

    [Fact]
    public void TryIndex_MissingOrInvalidLevel_LeftToTheCalculator()
    {
        Assert.True(Eq5dValueSetCatalog.BuiltIn.TryGet(Eq5dVersion.ThreeLevel, Eq5dValueSetCatalog.BuiltIn.NamesFor(Eq5dVersion.ThreeLevel)[0], out var valueSet));
        var rows = new Eq5dRowScorer(valueSet);

        Assert.True(rows.TryIndex([1, 2, 3, 1, 2], out _));
        Assert.False(rows.TryIndex([1, 2, null, 1, 2], out _));
        Assert.False(rows.TryIndex([1, 2, 4, 1, 2], out _));
        Assert.False(rows.TryIndex([0, 2, 3, 1, 2], out _));
        Assert.False(rows.TryIndex([1, 2, 3, 1], out _));
    }
}
