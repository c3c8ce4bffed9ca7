using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Anatomy;
using SpineMetsRegistry.Domain.Instruments.Sins;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sins;

public sealed class SinsCalculatorTests
{
    // The derived vectors of the reference, as registry codes.
    public static TheoryData<string, string, string, string, string, string, int, SinsCategory> DerivedVectors() => new()
    {
        { "S3", "none", "blastic", "normal", "none", "none", 0, SinsCategory.Stable },
        { "T6", "occasional", "lytic", "normal", "no_collapse_over_50_involved", "unilateral", 6, SinsCategory.Stable },
        { "T6", "mechanical", "lytic", "normal", "no_collapse_over_50_involved", "unilateral", 8, SinsCategory.PotentiallyUnstable },
        { "T12", "mechanical", "lytic", "normal", "under_50", "unilateral", 11, SinsCategory.PotentiallyUnstable },
        { "T11", "mechanical", "lytic", "deformity", "under_50", "unilateral", 13, SinsCategory.Unstable },
        { "C1", "mechanical", "lytic", "subluxation", "over_50", "bilateral", 18, SinsCategory.Unstable },
    };

    [Theory]
    [MemberData(nameof(DerivedVectors))]
    public void Score_DerivedVector_GivesPublishedTotalAndCategory(
        string level, string pain, string lesion, string alignment, string collapse, string posterolateral, int total, SinsCategory category)
    {
        var result = SinsCalculator.Score(Input(level, pain, lesion, alignment, collapse, posterolateral));

        Assert.True(result.IsComputable);
        Assert.Equal(total, result.Score!.Total);
        Assert.Equal(category, result.Score.Category);
        Assert.Equal(total >= 7, result.Score.SurgicalConsultationRecommended);
    }

    [Fact]
    public void Score_Computed_RecordsInstrumentInputsAndDerivedLocation()
    {
        var result = SinsCalculator.Score(Input("T12", "mechanical", "lytic", "normal", "under_50", "unilateral"));

        Assert.Equal("SINS", result.Instrument);
        Assert.Equal("2010", result.InstrumentVersion);
        Assert.Equal("T12", result.Inputs["level"]);
        Assert.Equal("under_50", result.Inputs["collapse"]);
        Assert.Equal(SinsLocation.Junctional, result.Score!.Location);
        Assert.Equal(3, result.Score.LocationPoints);
        Assert.Contains("junctional", result.Rules["location"]);
    }

    // The points of each row of Fisher 2010's table, by registry code.
    [Theory]
    [InlineData("pain", "mechanical", 3)]
    [InlineData("pain", "occasional", 1)]
    [InlineData("pain", "none", 0)]
    [InlineData("lesion", "lytic", 2)]
    [InlineData("lesion", "mixed", 1)]
    [InlineData("lesion", "blastic", 0)]
    [InlineData("alignment", "subluxation", 4)]
    [InlineData("alignment", "deformity", 2)]
    [InlineData("alignment", "normal", 0)]
    [InlineData("collapse", "over_50", 3)]
    [InlineData("collapse", "under_50", 2)]
    [InlineData("collapse", "no_collapse_over_50_involved", 1)]
    [InlineData("collapse", "none", 0)]
    [InlineData("posterolateral", "bilateral", 3)]
    [InlineData("posterolateral", "unilateral", 1)]
    [InlineData("posterolateral", "none", 0)]
    public void Score_OneComponentVaried_AddsItsPublishedPoints(string component, string code, int points)
    {
        // Baseline: S3 (rigid, 0) and every other component at 0 points, so the total is the component's points.
        string[] codes = ["none", "blastic", "normal", "none", "none"];
        var index = Array.IndexOf(["pain", "lesion", "alignment", "collapse", "posterolateral"], component);
        codes[index] = code;

        var result = SinsCalculator.Score(Input("S3", codes[0], codes[1], codes[2], codes[3], codes[4]));

        Assert.Equal(points, result.Score!.Total);
    }

    [Fact]
    public void Score_MissingComponents_IsNotComputableAndNamesEachMissingOne()
    {
        var complete = Input("T6", "occasional", "lytic", "normal", "none", "unilateral");
        var result = SinsCalculator.Score(complete with { Pain = null, Collapse = null });

        Assert.False(result.IsComputable);
        Assert.Null(result.Score);
        Assert.Equal(ScoreFailure.MissingInputCode, result.Failure!.Code);
        Assert.Equal(["pain", "collapse"], result.Failure.Inputs);
        Assert.Null(result.Inputs["pain"]);
        Assert.Equal("lytic", result.Inputs["boneLesion"]);
    }

    [Fact]
    public void Score_MissingLevel_IsNotComputable()
    {
        var result = SinsCalculator.Score(Input("T6", "occasional", "lytic", "normal", "none", "unilateral") with { Level = null });

        Assert.Equal(["level"], result.Failure!.Inputs);
    }

    [Fact]
    public void Score_EveryCombinationOfEveryLevel_TotalWithin0To18InExactlyOneCategoryBand()
    {
        var combinations = 0;
        var totals = new HashSet<int>();
        foreach (var level in VertebralLevel.All)
        foreach (var pain in Enum.GetValues<SinsPain>())
        foreach (var lesion in Enum.GetValues<SinsBoneLesion>())
        foreach (var alignment in Enum.GetValues<SinsAlignment>())
        foreach (var collapse in Enum.GetValues<SinsCollapse>())
        foreach (var posterolateral in Enum.GetValues<SinsPosterolateral>())
        {
            var score = SinsCalculator.Score(new SinsInput(level, pain, lesion, alignment, collapse, posterolateral)).Score!;
            Assert.InRange(score.Total, 0, 18);
            Assert.Equal(
                score.LocationPoints + score.PainPoints + score.BoneLesionPoints + score.AlignmentPoints + score.CollapsePoints + score.PosterolateralPoints,
                score.Total);
            var bands = SinsCalculator.Bands.BandsContaining(score.Total);
            Assert.Single(bands);
            Assert.Equal(bands[0].Band, score.Category);
            totals.Add(score.Total);
            combinations++;
        }

        Assert.Equal(30 * 3 * 3 * 3 * 4 * 3, combinations);
        Assert.Equal(Enumerable.Range(0, 19), totals.Order());
    }

    [Fact]
    public void Bands_AreThePublishedCutOffs()
    {
        Assert.Equal(
            [(0, 6, SinsCategory.Stable), (7, 12, SinsCategory.PotentiallyUnstable), (13, 18, SinsCategory.Unstable)],
            SinsCalculator.Bands.Bands.Select(b => (b.Minimum, b.Maximum, b.Band)));
    }

    internal static SinsInput Input(string level, string pain, string lesion, string alignment, string collapse, string posterolateral)
    {
        Assert.True(VertebralLevel.TryParse(level, out var parsedLevel));
        Assert.True(SinsCodes.Pain.TryParse(pain, out var parsedPain));
        Assert.True(SinsCodes.BoneLesion.TryParse(lesion, out var parsedLesion));
        Assert.True(SinsCodes.Alignment.TryParse(alignment, out var parsedAlignment));
        Assert.True(SinsCodes.Collapse.TryParse(collapse, out var parsedCollapse));
        Assert.True(SinsCodes.Posterolateral.TryParse(posterolateral, out var parsedPosterolateral));
        return new SinsInput(parsedLevel, parsedPain, parsedLesion, parsedAlignment, parsedCollapse, parsedPosterolateral);
    }
}
