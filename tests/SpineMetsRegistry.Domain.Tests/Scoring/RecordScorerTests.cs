using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Scoring;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Scoring;

/// <summary>Record fields reach the right instrument inputs, with provenance and without imputing.</summary>
public sealed class RecordScorerTests
{
    private static readonly RecordScorer Scorer = RecordScorer.Create(new InstrumentSettings()).Value!;

    private static async Task<RegistryRecord> RecordAsync(Row row)
    {
        var reader = BatchReaders.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(BatchText.Csv(row))), BatchFormat.Csv);
        await foreach (var raw in reader.ReadAsync())
        {
            return new RecordValidator(ValidationRun.Context()).Validate(raw).Record ?? throw new InvalidOperationException("The row is invalid.");
        }

        throw new InvalidOperationException("No row.");
    }

    private static DerivedScore Score(IEnumerable<DerivedScore> scores, string name) => Assert.Single(scores, s => s.Name == name);

    [Fact]
    public async Task Score_SampleEnrollment_SinsFromTheRecordsComponents()
    {
        // T8 semirigid 1, mechanical 3, lytic 2, normal alignment 0, <50% collapse 2, unilateral 1 (Fisher 2010).
        var scores = Scorer.Score(await RecordAsync(SampleRows.Enrollment()));

        var sins = Score(scores, "sins_total");
        Assert.Equal((9m, "potentially_unstable", "SINS", "2010"), (sins.Value, sins.Category, sins.Instrument, sins.InstrumentVersion));
        Assert.Equal("T8", sins.Inputs["level"]);
        Assert.Null(sins.NotComputableReason);
    }

    [Fact]
    public async Task Score_MissingSinsComponent_NotComputableNeverZero()
    {
        var scores = Scorer.Score(await RecordAsync(SampleRows.Enrollment().Without("sins_collapse")));

        var sins = Score(scores, "sins_total");
        Assert.Null(sins.Value);
        Assert.NotNull(sins.NotComputableReason);
        Assert.Null(sins.Inputs["collapse"]);
    }

    [Fact]
    public async Task Score_Eq5d5L_EnglandValueSetRecordedWithTheIndex()
    {
        // 21321 under England (Devlin 2018): 1 - .058 (MO2) - .063 (UA3) - .063 (PD2) = 0.816.
        var scores = Scorer.Score(await RecordAsync(SampleRows.Enrollment().WithEq5d("5L")));

        var index = Score(scores, "eq5d_index");
        Assert.Equal(0.816m, index.Value);
        Assert.Contains("England", index.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Eq5dPartlyAnswered_NoIndex()
    {
        var scores = Scorer.Score(await RecordAsync(SampleRows.Enrollment().WithEq5d("5L").Without("eq5d_ad")));

        Assert.Null(Score(scores, "eq5d_index").Value);
    }

    [Fact]
    public async Task Score_TokuhashiWithEcogOnly_ConvertedWithTheNamedMap()
    {
        var row = SampleRows.Enrollment().With(("frankel_grade", "E"), ("primary_tumour", "breast"), ("extraspinal_mets_count", "1"));

        var tokuhashi = Score(Scorer.Score(await RecordAsync(row)), "tokuhashi_total");

        // breast 5, ECOG 1 -> KPS 70 (1), 1-2 extraspinal (1), 2 vertebral (1), no visceral (2), Frankel E (2).
        Assert.Equal(12m, tokuhashi.Value);
        Assert.Contains("kpsFromEcog", tokuhashi.Rules.Keys);
    }

    [Fact]
    public async Task Score_FollowUp_OutcomesOnlyAndSavesGrade()
    {
        var scores = Scorer.Score(await RecordAsync(SampleRows.FollowUp().With("saves_grade", "II")));

        Assert.DoesNotContain(scores, s => s.Name is "sins_total" or "tokuhashi_total");
        var saves = Score(scores, "saves_grade");
        Assert.Equal(("II", "SAVES"), (saves.Category, saves.Instrument));
    }

    [Fact]
    public async Task Score_SosgoqAnswered_DomainsAndTotalWithDefinitionVersion()
    {
        var row = SampleRows.Enrollment();
        for (var item = 1; item <= 20; item++)
        {
            row = row.With($"sosgoq_{item:D2}", "1");
        }

        var scores = Scorer.Score(await RecordAsync(row));

        var total = Score(scores, "sosgoq_total");
        Assert.Equal(100m, total.Value);
        Assert.Equal(SosgoqDefinitions.RegistryDefault2Version, total.Definition);
        Assert.Contains(scores, s => s.Name == "sosgoq_pain");
    }
}
