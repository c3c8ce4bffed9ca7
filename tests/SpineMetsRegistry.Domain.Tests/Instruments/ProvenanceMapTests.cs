using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Performance;
using SpineMetsRegistry.Domain.Instruments.Prognosis;

namespace SpineMetsRegistry.Domain.Tests.Instruments;

/// <summary>A score's inputs and rules: ordered like the dictionaries they replace, and never changed once handed out.</summary>
public sealed class ProvenanceMapTests
{
    [Fact]
    public void Set_BeyondCapacity_KeepsInsertionOrderAndLookups()
    {
        var map = new ProvenanceMap<string?>(2);
        foreach (var name in new[] { "c", "a", "e", "b", "d" })
        {
            map.Set(name, name.ToUpperInvariant());
        }

        map.Set("a", null);

        Assert.Equal(["c", "a", "e", "b", "d"], map.Select(pair => pair.Key));
        Assert.Equal(["c", "a", "e", "b", "d"], map.Keys);
        Assert.Equal(["C", null, "E", "B", "D"], map.Values);
        Assert.Equal(5, map.Count);
        Assert.Null(map["a"]);
        Assert.True(map.TryGetValue("d", out var d));
        Assert.Equal("D", d);
        Assert.False(map.ContainsKey("A"));
        Assert.Throws<KeyNotFoundException>(() => map["z"]);
    }

    [Fact]
    public void AppendNew_BeyondCapacity_SameMapAsSet()
    {
        var appended = new ProvenanceMap<string?>(2);
        var set = new ProvenanceMap<string?>(2);
        foreach (var name in new[] { "sosgoq_03", "sosgoq_01", "sosgoq_02", "sosgoq_10", "sosgoq_04" })
        {
            var level = name == "sosgoq_02" ? null : name[^1..];
            appended.AppendNew(name, level);
            set.Set(name, level);
        }

        Assert.Equal(set, appended);
        Assert.Equal(5, appended.Count);
        Assert.Null(appended["sosgoq_02"]);
        Assert.Equal("0", appended["sosgoq_10"]);
    }

    [Fact]
    public void Copy_ThenSet_SourceUnchanged()
    {
        var source = ScoreRecorder.RuleSet(("one", "1"));
        var copy = new ProvenanceMap<string>(source);

        copy.Set("two", "2");

        Assert.Equal(["one"], source.Keys);
        Assert.Equal(["one", "two"], copy.Keys);
    }

    [Fact]
    public void Score_RuleAddedToSharedRuleSet_OtherResultsUnchanged()
    {
        var input = new TokuhashiInput(
            PrimaryTumour.Breast, null, EcogGrade.Create(1).Value, BoneMetastasisBurden.Create(1, 0).Value,
            VisceralMetastases.None, FrankelGrade.E);
        var plain = TokuhashiCalculator.Score(input with { Kps = KarnofskyScore.Create(80).Value, Ecog = null }, KpsEcogMaps.Conventional);

        var converted = TokuhashiCalculator.Score(input, KpsEcogMaps.Conventional);
        var plainAgain = TokuhashiCalculator.Score(input with { Kps = KarnofskyScore.Create(80).Value, Ecog = null }, KpsEcogMaps.Conventional);

        Assert.Equal(["primarySiteTable", "kpsFromEcog"], converted.Rules.Keys);
        Assert.Equal(["primarySiteTable"], plain.Rules.Keys);
        Assert.Equal(["primarySiteTable"], plainAgain.Rules.Keys);
    }

    [Fact]
    public void Recorder_ResultHandedOut_LaterRecordingCopies()
    {
        var recorder = new ScoreRecorder(new InstrumentInfo("X", "1", "source"))
            .Input("a", "1")
            .Rule("r", "x");
        var first = recorder.Computed(new object());

        recorder.Input("b", null).Rule("s", "y");
        var second = recorder.Missing<object>();

        Assert.Equal(["a"], first.Inputs.Keys);
        Assert.Equal(["r"], first.Rules.Keys);
        Assert.Equal(["a", "b"], second.Inputs.Keys);
        Assert.Equal(["r", "s"], second.Rules.Keys);
        Assert.Equal(["b"], second.Failure!.Inputs);
    }
}
