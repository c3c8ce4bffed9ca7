using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Instruments.Pain;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;
using SpineMetsRegistry.Domain.Tests.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Tests.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Change;

public sealed class ChangeCalculatorTests
{
    private static readonly McidSettings Defaults = new();

    // NRS: lower is better, MCID 2.
    [Theory]
    [InlineData(7, 4, -3, ResponderStatus.Improved)]
    [InlineData(7, 5, -2, ResponderStatus.Improved)]
    [InlineData(7, 6, -1, ResponderStatus.Stable)]
    [InlineData(7, 7, 0, ResponderStatus.Stable)]
    [InlineData(3, 4, 1, ResponderStatus.Stable)]
    [InlineData(3, 5, 2, ResponderStatus.Worsened)]
    [InlineData(0, 10, 10, ResponderStatus.Worsened)]
    public void NrsPain_LowerIsBetter_ClassifiesAgainstMcid(int baseline, int followUp, int change, ResponderStatus expected)
    {
        var result = ChangeCalculator.NrsPain(Nrs(baseline), Nrs(followUp), Defaults);

        Assert.Equal(change, result.Score!.Change);
        Assert.Equal(-change, result.Score.Improvement);
        Assert.Equal(ScoreDirection.LowerIsBetter, result.Score.Direction);
        Assert.Equal(expected, result.Score.Responder);
        Assert.Equal("2", result.Rules["mcid"]);
    }

    // EQ-5D: higher is better, default MCID 0.074.
    [Theory]
    [InlineData("55555", "21354", ResponderStatus.Improved)]
    [InlineData("21111", "11111", ResponderStatus.Improved)]
    [InlineData("11111", "21111", ResponderStatus.Worsened)]
    [InlineData("21354", "55555", ResponderStatus.Worsened)]
    [InlineData("11111", "11112", ResponderStatus.Stable)]
    public void Eq5dIndex_HigherIsBetter_ClassifiesAgainstMcid(string baseline, string followUp, ResponderStatus expected)
    {
        var valueSet = Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "USA");
        var b = Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.FiveLevel, baseline));
        var f = Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.FiveLevel, followUp));
        var mcids = new McidSettings { Eq5dIndex = 0.074m };

        var result = ChangeCalculator.Eq5dIndex(b, f, mcids);

        // USA: 21111 = 0.904 (change 0.096 either way), 11112 = 0.943 (change 0.057, below the MCID).
        Assert.Equal(f.Score!.Index - b.Score!.Index, result.Score!.Change);
        Assert.Equal(expected, result.Score.Responder);
        Assert.Equal("USA/5L", result.Rules["valueSet"]);
    }

    [Fact]
    public void Eq5dIndex_DifferentValueSets_AreIncomparable()
    {
        var state = Eq5dTestData.State(Eq5dVersion.FiveLevel, "21354");
        var usa = Eq5dIndexCalculator.Score(Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "USA"), state);
        var england = Eq5dIndexCalculator.Score(Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "England"), state);

        var result = ChangeCalculator.Eq5dIndex(usa, england, Defaults);

        Assert.False(result.IsComputable);
        Assert.Equal(ScoreFailure.IncomparableCode, result.Failure!.Code);
    }

    [Fact]
    public void Eq5dIndex_BaselineNotComputable_IsMissing()
    {
        var valueSet = Eq5dTestData.ValueSet(Eq5dVersion.FiveLevel, "USA");
        var missing = Eq5dIndexCalculator.Score(valueSet, new Eq5dResponse(Eq5dVersion.FiveLevel, 1, null, 1, 1, 1));
        var present = Eq5dIndexCalculator.Score(valueSet, Eq5dTestData.State(Eq5dVersion.FiveLevel, "11111"));

        var result = ChangeCalculator.Eq5dIndex(missing, present, Defaults);

        Assert.Equal(ScoreFailure.MissingInputCode, result.Failure!.Code);
        Assert.Equal(["baseline"], result.Failure.Inputs);
    }

    [Theory]
    [InlineData(3, 2, ResponderStatus.Improved)]
    [InlineData(3, 3, ResponderStatus.Stable)]
    [InlineData(2, 3, ResponderStatus.Worsened)]
    public void SosgoqTotal_HigherIsBetter_ClassifiesAgainstMcid(int baselineLevel, int followUpLevel, ResponderStatus expected)
    {
        var b = SosgoqScorer.Score(SosgoqDefinitions.RegistryDefault1, SosgoqScorerTests.AllAtLevel(baselineLevel));
        var f = SosgoqScorer.Score(SosgoqDefinitions.RegistryDefault1, SosgoqScorerTests.AllAtLevel(followUpLevel));

        var result = ChangeCalculator.SosgoqTotal(b, f, Defaults);

        Assert.Equal((baselineLevel - followUpLevel) * 25m, result.Score!.Change);
        Assert.Equal(expected, result.Score.Responder);
        Assert.Equal("registry-default-1", result.Rules["sosgoqDefinition"]);
    }

    [Fact]
    public void SosgoqTotal_DifferentDefinitions_AreIncomparable()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Instruments", "Sosgoq", "TestData", "sosgoq-renamed.json"));
        var other = SosgoqDefinitionReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Value!;
        var b = SosgoqScorer.Score(SosgoqDefinitions.RegistryDefault1, SosgoqScorerTests.AllAtLevel(3));
        var f = SosgoqScorer.Score(other, SosgoqScorerTests.AllAtLevel(1));

        var result = ChangeCalculator.SosgoqTotal(b, f, Defaults);

        Assert.Equal(ScoreFailure.IncomparableCode, result.Failure!.Code);
    }

    [Fact]
    public void Compute_ChangeOfExactlyTheMcid_IsAResponse()
    {
        Assert.Equal(ResponderStatus.Improved, ChangeCalculator.Compute(ChangeMeasure.SosgoqTotal, 40m, 50m, 10m).Score!.Responder);
        Assert.Equal(ResponderStatus.Worsened, ChangeCalculator.Compute(ChangeMeasure.SosgoqTotal, 50m, 40m, 10m).Score!.Responder);
        Assert.Equal(ResponderStatus.Stable, ChangeCalculator.Compute(ChangeMeasure.SosgoqTotal, 50m, 40.01m, 10m).Score!.Responder);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Compute_NonPositiveMcid_IsInvalid(int mcid)
    {
        Assert.Equal(ScoreFailure.InvalidInputCode, ChangeCalculator.Compute(ChangeMeasure.NrsPain, 5m, 3m, mcid).Failure!.Code);
    }

    [Fact]
    public void McidDefaults_AreTheDocumentedRegistryDefaults()
    {
        Assert.Equal(10m, Defaults.For(ChangeMeasure.SosgoqTotal));
        Assert.Equal(0.074m, Defaults.For(ChangeMeasure.Eq5dIndex));
        Assert.Equal(2m, Defaults.For(ChangeMeasure.NrsPain));
    }

    private static NrsPain Nrs(int value)
    {
        Assert.True(NrsPain.Create(value).TryGetValue(out var pain));
        return pain;
    }
}
