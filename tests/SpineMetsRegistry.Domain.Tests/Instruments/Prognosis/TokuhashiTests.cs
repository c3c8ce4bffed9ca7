using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Performance;
using SpineMetsRegistry.Domain.Instruments.Prognosis;
using static SpineMetsRegistry.Domain.Tests.Instruments.Prognosis.PrognosisTestInputs;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Prognosis;

public sealed class TokuhashiTests
{
    // Derived vectors of the reference: primary, KPS, extraspinal count, vertebral count, visceral, Frankel -> total, band.
    [Theory]
    [InlineData("breast", 80, 1, 2, "none", "E", 13, TokuhashiSurvivalBand.AtLeast1Year)]
    [InlineData("kidney", 70, 0, 1, "removable", "D", 10, TokuhashiSurvivalBand.AtLeast6Months)]
    [InlineData("lung", 60, 3, 1, "unremovable", "C", 4, TokuhashiSurvivalBand.LessThan6Months)]
    public void Score_DerivedVector_GivesTotalAndBand(
        string primary, int kps, int extraspinal, int vertebral, string visceral, string frankel, int total, TokuhashiSurvivalBand band)
    {
        var result = TokuhashiCalculator.Score(
            new TokuhashiInput(Primary(primary), Kps(kps), null, Bone(vertebral, extraspinal), Visceral(visceral), Frankel(frankel)),
            KpsEcogMaps.Conventional);

        Assert.True(result.IsComputable);
        Assert.Equal(total, result.Score!.Total);
        Assert.Equal(band, result.Score.Band);
    }

    [Fact]
    public void Score_DerivedVector_ComponentPointsAreThePublishedRows()
    {
        // kidney 3, KPS 70 (1), 0 extraspinal (2), 1 vertebral (2), removable (1), Frankel D (1).
        var score = TokuhashiCalculator.Score(
            new TokuhashiInput(Primary("kidney"), Kps(70), null, Bone(1, 0), Visceral("removable"), Frankel("D")),
            KpsEcogMaps.Conventional).Score!;

        Assert.Equal((1, 2, 2, 1, 3, 1), (score.GeneralConditionPoints, score.ExtraspinalBonePoints, score.VertebralBodyPoints, score.VisceralPoints, score.PrimarySitePoints, score.PalsyPoints));
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(40, 0)]
    [InlineData(50, 1)]
    [InlineData(70, 1)]
    [InlineData(80, 2)]
    [InlineData(100, 2)]
    public void Score_Kps_GeneralConditionPoints(int kps, int points)
    {
        Assert.Equal(points, Score(kps: kps).GeneralConditionPoints);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 0)]
    [InlineData(7, 0)]
    public void Score_ExtraspinalFoci_Points(int extraspinal, int points)
    {
        Assert.Equal(points, Score(extraspinal: extraspinal).ExtraspinalBonePoints);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(3, 0)]
    [InlineData(9, 0)]
    public void Score_VertebralBodyMetastases_PointsAreNotTheExtraspinalRow(int vertebral, int points)
    {
        // Extraspinal fixed at 0 (2 points): a copied extraspinal row would give 1 point for a single vertebral metastasis.
        Assert.Equal(points, Score(vertebral: vertebral).VertebralBodyPoints);
    }

    [Theory]
    [InlineData("A", 0)]
    [InlineData("B", 0)]
    [InlineData("C", 1)]
    [InlineData("D", 1)]
    [InlineData("E", 2)]
    public void Score_Frankel_PalsyPoints(string frankel, int points)
    {
        Assert.Equal(points, Score(frankel: frankel).PalsyPoints);
    }

    [Fact]
    public void Score_OnlyEcogRecorded_ConvertsWithTheNamedMapAndSaysSo()
    {
        var result = TokuhashiCalculator.Score(
            new TokuhashiInput(Primary("breast"), null, Ecog(1), Bone(2, 1), Visceral("none"), Frankel("E")),
            KpsEcogMaps.Conventional);

        // ECOG 1 -> KPS 70 (lower end) -> 1 point: 5 + 1 + 1 + 1 + 2 + 2 = 12.
        Assert.Equal(70, result.Score!.KpsUsed);
        Assert.Equal(1, result.Score.GeneralConditionPoints);
        Assert.Equal(12, result.Score.Total);
        Assert.Equal("1", result.Inputs["ecog"]);
        Assert.Equal("70", result.Inputs["kps"]);
        Assert.Contains("conventional", result.Rules["kpsFromEcog"]);
    }

    [Fact]
    public void Score_KpsRecorded_IgnoresEcogAndRecordsNoConversion()
    {
        var result = TokuhashiCalculator.Score(
            new TokuhashiInput(Primary("breast"), Kps(90), Ecog(3), Bone(2, 1), Visceral("none"), Frankel("E")),
            KpsEcogMaps.Conventional);

        Assert.Equal(90, result.Score!.KpsUsed);
        Assert.False(result.Rules.ContainsKey("kpsFromEcog"));
    }

    [Fact]
    public void Score_KpsZero_IsOutsideTheInstrumentRange()
    {
        Assert.Equal(ScoreFailure.OutsideInstrumentRangeCode, Result(kps: 0).Failure!.Code);
    }

    [Fact]
    public void Score_NoKpsNorEcog_IsNotComputable()
    {
        var result = TokuhashiCalculator.Score(
            new TokuhashiInput(Primary("breast"), null, null, Bone(1, 0), null, Frankel("E")),
            KpsEcogMaps.Conventional);

        Assert.Equal(["kps", "visceral"], result.Failure!.Inputs);
    }

    [Fact]
    public void Score_RecordsThePrimarySiteTable()
    {
        var result = Result();

        Assert.Equal("tokuhashi-2005-primary-site@registry-1", result.Rules["primarySiteTable"]);
        Assert.Equal("revised-2005", result.InstrumentVersion);
    }

    // The primary-site table, written out: each registry code -> points.
    [Theory]
    [InlineData("lung", 0)]
    [InlineData("stomach", 0)]
    [InlineData("bladder", 0)]
    [InlineData("oesophagus", 0)]
    [InlineData("pancreas", 0)]
    [InlineData("sarcoma", 0)]
    [InlineData("liver", 1)]
    [InlineData("gallbladder", 1)]
    [InlineData("unknown", 1)]
    [InlineData("colon", 2)]
    [InlineData("melanoma", 2)]
    [InlineData("myeloma", 2)]
    [InlineData("lymphoma", 2)]
    [InlineData("ovary", 2)]
    [InlineData("germ_cell", 2)]
    [InlineData("head_neck", 2)]
    [InlineData("other", 2)]
    [InlineData("kidney", 3)]
    [InlineData("uterus", 3)]
    [InlineData("cervix", 3)]
    [InlineData("rectum", 4)]
    [InlineData("thyroid", 5)]
    [InlineData("breast", 5)]
    [InlineData("prostate", 5)]
    [InlineData("carcinoid", 5)]
    public void PrimarySite_EveryRegistryCode_MapsToItsPoints(string primary, int points)
    {
        Assert.Equal(points, TokuhashiTables.Points(TokuhashiTables.PrimarySite.CategoryOf(Primary(primary))));
    }

    [Fact]
    public void PrimarySite_EveryCodeMapsToExactlyOneCategory()
    {
        var table = TokuhashiTables.PrimarySite;

        Assert.All(Enum.GetValues<PrimaryTumour>(), p => Assert.Single(table.Entries, e => e.Primary == p));
        Assert.Equal(Enum.GetValues<PrimaryTumour>().Length, table.Entries.Count);
        Assert.All(table.Entries.Where(e => e.Basis == MappingBasis.RegistryDecision), e => Assert.False(string.IsNullOrWhiteSpace(e.Note)));
    }

    [Fact]
    public void Score_EveryCombination_FallsInExactlyOneBand()
    {
        var combinations = 0;
        var totals = new HashSet<int>();
        foreach (var kps in Enumerable.Range(1, 10).Select(i => Kps(i * 10)))
        foreach (var extraspinal in new[] { 0, 1, 2, 3, 4 })
        foreach (var vertebral in new[] { 1, 2, 3, 4 })
        foreach (var visceral in Enum.GetValues<VisceralMetastases>())
        foreach (var primary in Enum.GetValues<PrimaryTumour>())
        foreach (var frankel in Enum.GetValues<FrankelGrade>())
        {
            var score = TokuhashiCalculator.Score(new TokuhashiInput(primary, kps, null, Bone(vertebral, extraspinal), visceral, frankel), KpsEcogMaps.Conventional).Score!;
            Assert.InRange(score.Total, 0, 15);
            var bands = TokuhashiTables.Bands.BandsContaining(score.Total);
            Assert.Single(bands);
            Assert.Equal(bands[0].Band, score.Band);
            totals.Add(score.Total);
            combinations++;
        }

        Assert.Equal(10 * 5 * 4 * 3 * 25 * 5, combinations);
        Assert.Equal(Enumerable.Range(0, 16), totals.Order());
    }

    [Fact]
    public void Bands_AreThePublishedCutOffs()
    {
        Assert.Equal(
            [(0, 8, TokuhashiSurvivalBand.LessThan6Months), (9, 11, TokuhashiSurvivalBand.AtLeast6Months), (12, 15, TokuhashiSurvivalBand.AtLeast1Year)],
            TokuhashiTables.Bands.Bands.Select(b => (b.Minimum, b.Maximum, b.Band)));
    }

    private static TokuhashiScore Score(int kps = 80, int extraspinal = 0, int vertebral = 1, string frankel = "E") =>
        Result(kps, extraspinal, vertebral, frankel).Score!;

    private static ScoreResult<TokuhashiScore> Result(int kps = 80, int extraspinal = 0, int vertebral = 1, string frankel = "E") =>
        TokuhashiCalculator.Score(
            new TokuhashiInput(Primary("breast"), Kps(kps), null, Bone(vertebral, extraspinal), Visceral("none"), Frankel(frankel)),
            KpsEcogMaps.Conventional);
}
