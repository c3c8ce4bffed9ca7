using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Scoring;

namespace SpineMetsRegistry.Domain.Tests.Scoring;

/// <summary>An instrument's inputs read without interface calls are the map's entries, in the map's order, whatever the map.</summary>
public sealed class InputEntriesTests
{
    [Fact]
    public void Enumerate_EachMapKind_TheMapsEntriesInOrder()
    {
        var recorded = new ProvenanceMap<string?>(2);
        foreach (var (name, code) in new[] { ("level", "T8"), ("pain", null), ("collapse", "lt_50"), ("alignment", "normal") })
        {
            recorded.Set(name, code);
        }

        var levels = new LevelInputs(new LevelInputsTemplate(["q_02", "q_01", "q_03"], 1, 5), [5, null, 1]);
        var plain = new Dictionary<string, string?> { ["b"] = "2", ["a"] = null };
        IReadOnlyDictionary<string, string?>[] maps = [recorded, levels, plain, new Dictionary<string, string?>(), new ProvenanceMap<string?>(0)];

        foreach (var map in maps)
        {
            var read = new List<KeyValuePair<string, string?>>();
            foreach (var entry in InputEntries.Of(map))
            {
                read.Add(entry);
            }

            Assert.Equal(map.ToList(), read);
        }

        var one = InstrumentScores.One("x", null, null, "I", "1", null, levels, new Dictionary<string, string>(), null);
        var viaScores = new List<KeyValuePair<string, string?>>();
        foreach (var entry in one.InputEntries())
        {
            viaScores.Add(entry);
        }

        Assert.Equal([new("q_02", "5"), new("q_01", null), new("q_03", "1")], viaScores);
    }
}
