using System.Text;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Complications;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Sins;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Scoring;
using SpineMetsRegistry.Pipeline.Records;

namespace SpineMetsRegistry.Pipeline.Tests.Records;

/// <summary>
/// The stored form of scores (the store activity's notes) is exactly what the rendering it
/// replaced gave, score by score, including when scores share their provenance maps.
/// </summary>
public sealed class StoredScoreRendererTests
{
    private static readonly RecordScorer Scorer = RecordScorer.Create(new InstrumentSettings()).Value!;

    [Fact]
    public void Render_GeneratedRecords_EveryScoreAsThePerScoreRenderingGaveIt()
    {
        var random = new Random(15);
        var compared = 0;
        var notComputable = 0;
        for (var row = 1; row <= 400; row++)
        {
            var scores = Scorer.Score(GeneratedRecord(random, row));
            var stored = StoredScoreRenderer.Render(scores);

            // The scorer's per-instrument form and the same scores as a plain list render alike.
            Assert.Equal(stored, StoredScoreRenderer.Render(scores.ToList()));
            Assert.Equal(scores.Count, stored.Count);
            for (var i = 0; i < scores.Count; i++)
            {
                Assert.Equal(PerScoreRendering(scores[i]), stored[i]);
                Assert.Equal(stored[i], StoredScoreRenderer.Render(scores[i]));
                notComputable += scores[i].NotComputableReason is null ? 0 : 1;
                compared++;
            }
        }

        // The generated rows reach both kinds of note, on many scores.
        Assert.True(compared > 4_000, $"{compared} scores compared");
        Assert.True(notComputable > 200, $"{notComputable} not computable");
    }

    [Fact]
    public void Render_SharedMapsWithDifferentReasons_EachScoreKeepsItsOwnReason()
    {
        var inputs = new Dictionary<string, string?> { ["a"] = "1", ["b"] = null };
        var rules = new Dictionary<string, string> { ["r"] = "x", ["s"] = "y" };
        DerivedScore[] scores =
        [
            new("one", 1m, null, "I", "1", null, inputs, rules, null),
            new("two", null, null, "I", "1", null, inputs, rules, "too few items"),
            new("three", null, null, "I", "1", "D", inputs, rules, "other reason "),
        ];

        var stored = StoredScoreRenderer.Render(scores);

        Assert.Equal(
            [
                "rules: r: x; s: y. inputs: a=1, b=missing",
                "not computable: too few items. rules: r: x; s: y. inputs: a=1, b=missing",
                "not computable: other reason . rules: r: x; s: y. inputs: a=1, b=missing",
            ],
            stored.Select(s => s.Note));
        Assert.Equal(scores.Select(PerScoreRendering), stored);
    }

    [Fact]
    public void Render_NoRulesNoInputs_TrimmedAsBefore()
    {
        var none = new Dictionary<string, string?>();
        var trailing = new Dictionary<string, string?> { ["a"] = "code " };
        DerivedScore[] scores =
        [
            new("empty", null, null, "I", "1", null, none, new Dictionary<string, string>(), null),
            new("trailing", null, null, "I", "1", null, trailing, new Dictionary<string, string>(), null),
        ];

        var stored = StoredScoreRenderer.Render(scores);

        Assert.Equal(["inputs:", "inputs: a=code"], stored.Select(s => s.Note));
        Assert.Equal(scores.Select(PerScoreRendering), stored);
    }

    /// <summary>The rendering the store activity used before (one score at a time), kept as the oracle.</summary>
    private static StoredScore PerScoreRendering(DerivedScore score)
    {
        var rules = string.Join("; ", score.Rules.Select(r => $"{r.Key}: {r.Value}"));
        var inputs = string.Join(", ", score.Inputs.Select(i => $"{i.Key}={i.Value ?? "missing"}"));
        var note = new StringBuilder();
        if (score.NotComputableReason is not null)
        {
            note.Append("not computable: ").Append(score.NotComputableReason).Append(". ");
        }

        if (rules.Length > 0)
        {
            note.Append("rules: ").Append(rules).Append(". ");
        }

        note.Append("inputs: ").Append(inputs);
        return new StoredScore(score.Name, score.Value, score.Category, score.Instrument, score.InstrumentVersion, score.Definition,
            note.ToString().Trim());
    }

    /// <summary>A record with every scored field given, missing or (now and then) out of range, at random.</summary>
    private static RegistryRecord GeneratedRecord(Random random, int row)
    {
        var enrollment = random.Next(3) == 0;
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        void Maybe(string field, object value)
        {
            if (random.Next(8) != 0)
            {
                values[field] = value;
            }
        }

        string Pick(IReadOnlyList<string> codes) => codes[random.Next(codes.Count)];

        Maybe("eq5d_version", Pick(Eq5dCodes.Version.Codes));
        foreach (var dimension in new[] { "eq5d_mo", "eq5d_sc", "eq5d_ua", "eq5d_pd", "eq5d_ad" })
        {
            Maybe(dimension, (long)random.Next(1, 6));
        }

        var sosgoqAnswered = random.Next(4) != 0;
        foreach (var item in SosgoqDefinitions.RegistryDefault.Items)
        {
            if (sosgoqAnswered)
            {
                Maybe(item.Code, (long)random.Next(random.Next(30) == 0 ? 0 : 1, 6));
            }
        }

        if (enrollment)
        {
            Maybe("index_level", Pick(["C2", "T8", "L4", "S1"]));
            Maybe("sins_pain", Pick(SinsCodes.Pain.Codes));
            Maybe("sins_bone_lesion", Pick(SinsCodes.BoneLesion.Codes));
            Maybe("sins_alignment", Pick(SinsCodes.Alignment.Codes));
            Maybe("sins_collapse", Pick(SinsCodes.Collapse.Codes));
            Maybe("sins_posterolateral", Pick(SinsCodes.Posterolateral.Codes));
            Maybe("primary_tumour", Pick(DiseaseCodes.PrimaryTumour.Codes));
            Maybe("visceral_mets", Pick(DiseaseCodes.VisceralMetastases.Codes));
            Maybe("spinal_mets_count", (long)random.Next(1, 6));
            Maybe("extraspinal_mets_count", (long)random.Next(0, 4));
            Maybe("kps", (long)(random.Next(1, 11) * 10));
            Maybe("ecog", (long)random.Next(0, 5));
            Maybe("frankel_grade", Pick(NeurologyCodes.Frankel.Codes));
            Maybe("albumin_g_l", (decimal)random.Next(200, 500) / 10);
            Maybe("ambulatory_status", Pick(DiseaseCodes.AmbulatoryStatus.Codes));
            Maybe("bilsky_grade", Pick(BilskyCodes.Grade.Codes));
        }
        else
        {
            values["time_point"] = "12w";
            Maybe("saves_grade", Pick([.. SavesCodes.Grade.Codes, "none"]));
        }

        return new RegistryRecord(enrollment ? RecordKind.Enrollment : RecordKind.FollowUp, "S01-0000001", row, values);
    }
}
