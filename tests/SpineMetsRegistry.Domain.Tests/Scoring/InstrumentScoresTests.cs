using SpineMetsRegistry.Domain.Scoring;

namespace SpineMetsRegistry.Domain.Tests.Scoring;

/// <summary>An instrument's scores held once with their shared provenance read back as the per-score records they replace.</summary>
public sealed class InstrumentScoresTests
{
    private static readonly Dictionary<string, string?> Inputs = new() { ["a"] = "1", ["b"] = null };
    private static readonly Dictionary<string, string> Rules = new() { ["r"] = "x" };

    [Fact]
    public void One_Read_TheDerivedScoreItHolds()
    {
        var one = InstrumentScores.One("sins_total", 9m, "potentially_unstable", "SINS", "2010", null, Inputs, Rules, null);

        Assert.Equal(1, one.Count);
        Assert.Equal(new DerivedScore("sins_total", 9m, "potentially_unstable", "SINS", "2010", null, Inputs, Rules, null), one.Score(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.Name(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.Category(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.NotComputableReason(1));
    }

    [Fact]
    public void Many_Read_OneDerivedScorePerNameSharingTheProvenance()
    {
        var many = InstrumentScores.Many(["s_a", "s_b", "s_total"], [50m, null, 62.5m], [null, "B: 0 of 2 items answered", null], "SOSGOQ", "2.0", "d2", Inputs, Rules);

        Assert.Equal(
            [
                new DerivedScore("s_a", 50m, null, "SOSGOQ", "2.0", "d2", Inputs, Rules, null),
                new DerivedScore("s_b", null, null, "SOSGOQ", "2.0", "d2", Inputs, Rules, "B: 0 of 2 items answered"),
                new DerivedScore("s_total", 62.5m, null, "SOSGOQ", "2.0", "d2", Inputs, Rules, null),
            ],
            Enumerable.Range(0, many.Count).Select(many.Score));
        Assert.Null(InstrumentScores.Many(["s_a"], [1m], null, "I", "1", null, Inputs, Rules).NotComputableReason(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => many.Value(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => many.NotComputableReason(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => many.Category(3));
    }

    [Fact]
    public void Many_MismatchedOrEmptyArrays_Refused()
    {
        Assert.Throws<ArgumentException>(() => InstrumentScores.Many(["a", "b"], [1m], null, "I", "1", null, Inputs, Rules));
        Assert.Throws<ArgumentException>(() => InstrumentScores.Many(["a"], [1m], [null, null], "I", "1", null, Inputs, Rules));
        Assert.Throws<ArgumentException>(() => InstrumentScores.Many([], [], null, "I", "1", null, Inputs, Rules));
    }

    [Fact]
    public void RecordScores_ReadAsList_EveryInstrumentsScoresInOrder()
    {
        var scores = new RecordScores();
        var eq5d = InstrumentScores.One("eq5d_index", 0.816m, null, "EQ-5D-5L", "5L", "England", Inputs, Rules, null);
        var sosgoq = InstrumentScores.Many(["s_a", "s_total"], [50m, 40m], null, "SOSGOQ", "2.0", "d2", Inputs, Rules);
        var saves = InstrumentScores.One("saves_grade", 2m, "grade_1", "SAVES", "v2", null, Inputs, Rules, null);
        scores.Add(eq5d);
        scores.Add(sosgoq);
        scores.Add(saves);

        DerivedScore[] expected = [eq5d.Score(0), sosgoq.Score(0), sosgoq.Score(1), saves.Score(0)];
        Assert.Equal(expected, scores);
        Assert.Equal(expected, Enumerable.Range(0, scores.Count).Select(i => scores[i]));
        Assert.Equal([eq5d, sosgoq, saves], scores.Instruments);
        Assert.Throws<ArgumentOutOfRangeException>(() => scores[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => scores[-1]);
    }

    [Fact]
    public void RecordScores_Empty_NoScoresAndNeverChanged()
    {
        Assert.Empty(RecordScores.Empty);
        Assert.Empty(RecordScores.Empty.Instruments);
        Assert.Throws<InvalidOperationException>(() => RecordScores.Empty.Add(InstrumentScores.One("x", null, null, "I", "1", null, Inputs, Rules, null)));
    }
}
