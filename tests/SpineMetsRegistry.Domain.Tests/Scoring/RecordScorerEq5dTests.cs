using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Scoring;

namespace SpineMetsRegistry.Domain.Tests.Scoring;

/// <summary>
/// The record scorer's EQ-5D index (looked up for a complete response, the calculator's for
/// any other) is the calculator's result for the same response, with the same provenance.
/// </summary>
public sealed class RecordScorerEq5dTests
{
    private static readonly string[] Dimensions = ["eq5d_mo", "eq5d_sc", "eq5d_ua", "eq5d_pd", "eq5d_ad"];

    [Fact]
    public void Score_RandomResponses_TheCalculatorsIndex()
    {
        var settings = InstrumentSettingsResolver.Resolve(new InstrumentSettings(), Eq5dValueSetCatalog.BuiltIn).Value!;
        var scorer = new RecordScorer(settings);
        var random = new Random(15);
        var (complete, other) = (0, 0);
        for (var row = 1; row <= 2_000; row++)
        {
            var version = random.Next(2) == 0 ? Eq5dVersion.ThreeLevel : Eq5dVersion.FiveLevel;
            var values = new Dictionary<string, object>(StringComparer.Ordinal) { ["eq5d_version"] = Eq5dCodes.Version.ToCode(version) };
            var levels = new int?[Dimensions.Length];
            for (var i = 0; i < Dimensions.Length; i++)
            {
                // Now and then missing, or a level the version does not have (0 or 6).
                levels[i] = random.Next(25) == 0 ? null : random.Next(25) == 0 ? random.Next(2) * 6 : random.Next(1, Eq5dCodes.LevelCount(version) + 1);
                if (levels[i] is { } level)
                {
                    values[Dimensions[i]] = (long)level;
                }
            }

            var actual = Assert.Single(scorer.Score(new RegistryRecord(RecordKind.FollowUp, "S01-0000001", row, values)), s => s.Name == "eq5d_index");
            var expected = Eq5dIndexCalculator.Score(settings.ValueSetFor(version), new Eq5dResponse(version, levels[0], levels[1], levels[2], levels[3], levels[4]));

            Assert.Equal(Describe(expected), Describe(actual));
            (complete, other) = actual.Value is null ? (complete, other + 1) : (complete + 1, other);
        }

        Assert.True(complete > 1_000 && other > 100, $"{complete} complete, {other} other responses");
    }

    private static string Describe(ScoreResult<Eq5dIndexScore> result) =>
        Describe(new DerivedScore("eq5d_index", result.Score?.Index, null, result.Instrument, result.InstrumentVersion, result.DefinitionVersion, result.Inputs, result.Rules, result.Failure?.Message));

    private static string Describe(DerivedScore score) =>
        string.Join(" | ", score.Name, score.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), score.Category, score.Instrument, score.InstrumentVersion, score.Definition, score.NotComputableReason,
            string.Join(", ", score.Inputs.Select(i => $"{i.Key}={i.Value ?? "null"}")),
            string.Join(", ", score.Rules.Select(r => $"{r.Key}: {r.Value}")));
}
