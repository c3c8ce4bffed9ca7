using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Bilsky;

public sealed class BilskyAndNomsTests
{
    [Theory]
    [InlineData("0", "low", EsccSeverity.LowGrade)]
    [InlineData("1a", "low", EsccSeverity.LowGrade)]
    [InlineData("1b", "low", EsccSeverity.LowGrade)]
    [InlineData("1c", "low", EsccSeverity.LowGrade)]
    [InlineData("2", "low", EsccSeverity.HighGrade)]
    [InlineData("3", "low", EsccSeverity.HighGrade)]
    [InlineData("0", "high", EsccSeverity.LowGrade)]
    [InlineData("1a", "high", EsccSeverity.LowGrade)]
    [InlineData("1b", "high", EsccSeverity.LowGrade)]
    [InlineData("1c", "high", EsccSeverity.HighGrade)]
    [InlineData("2", "high", EsccSeverity.HighGrade)]
    [InlineData("3", "high", EsccSeverity.HighGrade)]
    public void Classify_EveryGradeUnderEachPolicy_OnlyOneCDependsOnThePolicy(string grade, string policy, EsccSeverity expected)
    {
        Assert.True(BilskyCodes.Grade.TryParse(grade, out var parsedGrade));
        Assert.True(BilskyCodes.Grade1cPolicy.TryParse(policy, out var parsedPolicy));

        var result = BilskyClassifier.Classify(parsedGrade, parsedPolicy);

        Assert.Equal(expected, result.Score!.Severity);
        Assert.Equal(policy, result.Rules["bilsky1cPolicy"]);
        Assert.Equal(grade, result.Inputs["grade"]);
    }

    [Fact]
    public void Classify_NoGrade_IsNotComputable()
    {
        Assert.Equal(ScoreFailure.MissingInputCode, BilskyClassifier.Classify(null, BilskyGrade1cPolicy.LowGrade).Failure!.Code);
    }

    [Fact]
    public void DefaultPolicy_IsLowGrade()
    {
        Assert.Equal(BilskyGrade1cPolicy.LowGrade, new InstrumentSettings().BilskyGrade1cPolicy);
    }

    // Laufer 2013: radiosensitive -> cEBRT regardless of ESCC; radioresistant low grade -> SRS; radioresistant high grade -> separation surgery then SRS.
    [Theory]
    [InlineData("lymphoma", "3", "low", NomsRadiationPathway.ConventionalRadiotherapy)]
    [InlineData("myeloma", "0", "low", NomsRadiationPathway.ConventionalRadiotherapy)]
    [InlineData("germ_cell", "2", "low", NomsRadiationPathway.ConventionalRadiotherapy)]
    [InlineData("kidney", "1b", "low", NomsRadiationPathway.StereotacticRadiosurgery)]
    [InlineData("melanoma", "1c", "low", NomsRadiationPathway.StereotacticRadiosurgery)]
    [InlineData("melanoma", "1c", "high", NomsRadiationPathway.SeparationSurgeryThenSrs)]
    [InlineData("thyroid", "2", "low", NomsRadiationPathway.SeparationSurgeryThenSrs)]
    [InlineData("sarcoma", "3", "low", NomsRadiationPathway.SeparationSurgeryThenSrs)]
    [InlineData("colon", "0", "low", NomsRadiationPathway.StereotacticRadiosurgery)]
    [InlineData("breast", "3", "low", NomsRadiationPathway.SeparationSurgeryThenSrs)]
    public void Suggest_DefaultRadiosensitivity_FollowsNoms(string primary, string grade, string policy, NomsRadiationPathway expected)
    {
        var result = Suggest(primary, grade, null, RadiosensitivityMap.RegistryDefault, policy);

        Assert.Equal(expected, result.Score!.Pathway);
        Assert.Contains("registry-default-1", result.Rules["radiosensitivityMap"]);
    }

    [Fact]
    public void Suggest_BreastConfiguredRadiosensitive_ConventionalRadiotherapy()
    {
        var map = new RadiosensitivityMap("configured", [PrimaryTumour.Lymphoma, PrimaryTumour.Myeloma, PrimaryTumour.Breast, PrimaryTumour.Prostate]);

        var result = Suggest("breast", "3", null, map, "low");

        Assert.Equal(NomsRadiationPathway.ConventionalRadiotherapy, result.Score!.Pathway);
        Assert.Equal(Radiosensitivity.Radiosensitive, result.Score.Radiosensitivity);
        Assert.Contains("breast", result.Rules["radiosensitivityMap"]);
    }

    [Theory]
    [InlineData(null, NomsStabilisation.NotAssessed)]
    [InlineData(0, NomsStabilisation.NotIndicated)]
    [InlineData(6, NomsStabilisation.NotIndicated)]
    [InlineData(7, NomsStabilisation.ClinicalJudgement)]
    [InlineData(12, NomsStabilisation.ClinicalJudgement)]
    [InlineData(13, NomsStabilisation.StabilisationToConsider)]
    [InlineData(18, NomsStabilisation.StabilisationToConsider)]
    public void Suggest_SinsTotal_DecidesStabilisationSeparately(int? sins, NomsStabilisation expected)
    {
        var result = Suggest("kidney", "1a", sins, RadiosensitivityMap.RegistryDefault, "low");

        Assert.Equal(expected, result.Score!.Stabilisation);
        Assert.Equal(NomsRadiationPathway.StereotacticRadiosurgery, result.Score.Pathway);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(19)]
    public void Suggest_SinsOutOfRange_IsInvalid(int sins)
    {
        Assert.Equal(ScoreFailure.InvalidInputCode, Suggest("kidney", "1a", sins, RadiosensitivityMap.RegistryDefault, "low").Failure!.Code);
    }

    [Fact]
    public void Suggest_MissingPrimary_IsNotComputable()
    {
        var result = NomsPathway.Suggest(new NomsInput(null, BilskyGrade.Grade2, 10), RadiosensitivityMap.RegistryDefault, BilskyGrade1cPolicy.LowGrade);

        Assert.Equal(["primary"], result.Failure!.Inputs);
    }

    [Fact]
    public void RegistryDefault_RadiosensitiveAreLymphomaMyelomaGermCellOnly()
    {
        Assert.Equal([PrimaryTumour.Myeloma, PrimaryTumour.Lymphoma, PrimaryTumour.GermCell], RadiosensitivityMap.RegistryDefault.Radiosensitive);
        Assert.All(
            Enum.GetValues<PrimaryTumour>().Except(RadiosensitivityMap.RegistryDefault.Radiosensitive),
            p => Assert.Equal(Radiosensitivity.Radioresistant, RadiosensitivityMap.RegistryDefault.Classify(p)));
    }

    private static ScoreResult<NomsSuggestion> Suggest(string primary, string grade, int? sins, RadiosensitivityMap map, string policy)
    {
        Assert.True(DiseaseCodes.PrimaryTumour.TryParse(primary, out var parsedPrimary));
        Assert.True(BilskyCodes.Grade.TryParse(grade, out var parsedGrade));
        Assert.True(BilskyCodes.Grade1cPolicy.TryParse(policy, out var parsedPolicy));
        return NomsPathway.Suggest(new NomsInput(parsedPrimary, parsedGrade, sins), map, parsedPolicy);
    }
}
