using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Prognosis;
using static SpineMetsRegistry.Domain.Tests.Instruments.Prognosis.PrognosisTestInputs;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Prognosis;

public sealed class BauerAndNesmsTests
{
    // Derived NESMS vectors (albumin given in g/dL in the reference; the registry stores g/L).
    [Theory]
    [InlineData("breast", "none", 1, 0, "independent", 39, 4, 3)]
    [InlineData("prostate", "none", 3, 2, "independent", 36, 2, 2)]
    [InlineData("lung", "unremovable", 2, 3, "non_ambulatory", 30, 0, 0)]
    public void Score_DerivedVector_GivesBauerAndNesms(
        string primary, string visceral, int spinal, int extraspinal, string ambulation, decimal albuminGramsPerLitre, int bauer, int nesms)
    {
        Assert.True(DiseaseCodes.AmbulatoryStatus.TryParse(ambulation, out var parsedAmbulation));

        var result = NesmsCalculator.Score(new NesmsInput(
            Primary(primary), Visceral(visceral), Bone(spinal, extraspinal), parsedAmbulation, AlbuminGramsPerLitre(albuminGramsPerLitre)));

        Assert.Equal(bauer, result.Score!.ModifiedBauer.Total);
        Assert.Equal(nesms, result.Score.Total);
        Assert.Equal(bauer, ModifiedBauerCalculator.Score(new ModifiedBauerInput(Primary(primary), Visceral(visceral), Bone(spinal, extraspinal))).Score!.Total);
    }

    [Theory]
    [InlineData("breast", "none", 1, 0, 1, 1, 1, 1)]
    [InlineData("kidney", "removable", 1, 1, 0, 1, 1, 0)]
    [InlineData("lymphoma", "none", 2, 0, 1, 1, 1, 0)]
    [InlineData("myeloma", "unremovable", 1, 0, 0, 1, 1, 1)]
    [InlineData("lung", "none", 1, 0, 1, 0, 0, 1)]
    [InlineData("colon", "none", 1, 0, 1, 1, 0, 1)]
    public void ModifiedBauer_Components_OnePointEach(
        string primary, string visceral, int spinal, int extraspinal, int noVisceral, int notLung, int favourable, int solitary)
    {
        var score = ModifiedBauerCalculator.Score(new ModifiedBauerInput(Primary(primary), Visceral(visceral), Bone(spinal, extraspinal))).Score!;

        Assert.Equal((noVisceral, notLung, favourable, solitary), (score.NoVisceralMetastasesPoint, score.PrimaryNotLungPoint, score.FavourablePrimaryPoint, score.SolitarySkeletalMetastasisPoint));
        Assert.Equal(noVisceral + notLung + favourable + solitary, score.Total);
    }

    [Theory]
    [InlineData(35, 1)]
    [InlineData(34.9, 0)]
    [InlineData(50, 1)]
    public void Nesms_AlbuminThresholdIs35GramsPerLitre(decimal albumin, int points)
    {
        var score = NesmsCalculator.Score(new NesmsInput(Primary("breast"), Visceral("none"), Bone(1, 0), AmbulatoryStatus.Independent, AlbuminGramsPerLitre(albumin))).Score!;

        Assert.Equal(points, score.AlbuminPoints);
    }

    [Theory]
    [InlineData("independent", 1)]
    [InlineData("assisted", 0)]
    [InlineData("non_ambulatory", 0)]
    public void Nesms_OnlyIndependentAmbulationScores(string ambulation, int points)
    {
        Assert.True(DiseaseCodes.AmbulatoryStatus.TryParse(ambulation, out var parsed));

        Assert.Equal(points, NesmsCalculator.Score(new NesmsInput(Primary("breast"), Visceral("none"), Bone(1, 0), parsed, AlbuminGramsPerLitre(40))).Score!.AmbulationPoints);
    }

    [Theory]
    [InlineData(2, NesmsModifiedBauerRule.OnePoint, 0)]
    [InlineData(3, NesmsModifiedBauerRule.OnePoint, 1)]
    [InlineData(2, NesmsModifiedBauerRule.TwoPoints, 0)]
    [InlineData(3, NesmsModifiedBauerRule.TwoPoints, 2)]
    public void Nesms_ModifiedBauerThreeOrMore_ScoresPerTheNamedRule(int bauerTotal, NesmsModifiedBauerRule rule, int points)
    {
        // breast with visceral metastases earns "not lung" and "favourable primary": Bauer 2 with multiple bone metastases, 3 when solitary.
        var bone = bauerTotal == 3 ? Bone(1, 0) : Bone(2, 0);

        var result = NesmsCalculator.Score(new NesmsInput(Primary("breast"), Visceral("unremovable"), bone, AmbulatoryStatus.NonAmbulatory, AlbuminGramsPerLitre(20)), rule);

        Assert.Equal(bauerTotal, result.Score!.ModifiedBauer.Total);
        Assert.Equal(points, result.Score.ModifiedBauerPoints);
        Assert.Equal(points, result.Score.Total);
        Assert.Equal(NesmsCalculator.ModifiedBauerRuleCodes.ToCode(rule), result.Rules["modifiedBauerRule"]);
    }

    [Fact]
    public void Nesms_DefaultRule_RangesZeroToThree()
    {
        var best = NesmsCalculator.Score(new NesmsInput(Primary("breast"), Visceral("none"), Bone(1, 0), AmbulatoryStatus.Independent, AlbuminGramsPerLitre(45))).Score!;

        Assert.Equal(4, best.ModifiedBauer.Total);
        Assert.Equal(3, best.Total);
        Assert.Equal(NesmsModifiedBauerRule.OnePoint, new InstrumentSettings().NesmsModifiedBauerRule);
    }

    [Fact]
    public void Albumin_GramsPerDecilitre_ConvertsTimesTen()
    {
        Assert.True(SerumAlbumin.FromGramsPerDecilitre(3.5m).TryGetValue(out var albumin));

        Assert.Equal(35m, albumin.GramsPerLitre);
        Assert.Equal(3.5m, albumin.GramsPerDecilitre);
    }

    [Theory]
    [InlineData("3.9")]
    [InlineData("9.99")]
    [InlineData("101")]
    [InlineData("abc")]
    public void Albumin_ImplausibleOrMalformed_IsRefused(string text)
    {
        Assert.False(SerumAlbumin.TryParse(text, out _));
    }

    [Fact]
    public void Albumin_GramsPerDecilitreValueAsGramsPerLitre_MessageExplainsTheUnit()
    {
        Assert.Contains("multiplied by 10", SerumAlbumin.Parse("3.9").Error!.Message);
    }

    [Fact]
    public void Nesms_MissingAlbumin_IsNotComputable()
    {
        var result = NesmsCalculator.Score(new NesmsInput(Primary("breast"), Visceral("none"), Bone(1, 0), AmbulatoryStatus.Independent, null));

        Assert.Equal(ScoreFailure.MissingInputCode, result.Failure!.Code);
        Assert.Equal(["albuminGramsPerLitre"], result.Failure.Inputs);
        Assert.Contains("35 g/L", result.Rules["albuminThreshold"]);
    }
}
