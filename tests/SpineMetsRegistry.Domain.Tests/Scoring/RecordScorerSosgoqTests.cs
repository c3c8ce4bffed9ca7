using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;
using SpineMetsRegistry.Domain.Scoring;

namespace SpineMetsRegistry.Domain.Tests.Scoring;

/// <summary>
/// The record scorer's SOSGOQ scores, built from the definition's template and the row's
/// levels, are what the general scorer's result gives, score by score, with the same inputs
/// and rules in the same order: what a stored note is rendered from.
/// </summary>
public sealed class RecordScorerSosgoqTests
{
    [Fact]
    public async Task Score_GeneratedRecords_SosgoqScoresAsTheGeneralScorerGives()
    {
        var scorer = RecordScorer.Create(new InstrumentSettings()).Value!;
        var definition = SosgoqDefinitions.RegistryDefault;
        var compared = 0;
        var notComputable = 0;
        foreach (var record in await GeneratedRecords.ValidAsync(600, seed: 21))
        {
            var actual = scorer.Score(record).Where(s => s.Name.StartsWith("sosgoq_", StringComparison.Ordinal)).ToList();
            var responses = definition.Items.ToDictionary(item => item.Code, item => record.GetInteger(item.Code) is { } l ? (int?)checked((int)l) : null, StringComparer.Ordinal);
            if (responses.Values.All(l => l is null))
            {
                Assert.Empty(actual);
                continue;
            }

            var expected = Expected(SosgoqScorer.Score(definition, responses));
            Assert.Equal(expected, actual.Select(Describe));
            Assert.All(actual, s => Assert.Same(actual[0].Inputs, s.Inputs));
            compared += actual.Count;
            notComputable += actual.Count(s => s.NotComputableReason is not null);
        }

        Assert.True(compared > 3_000, $"{compared} scores compared");
        Assert.True(notComputable > 0, "no scale with too few answers among the generated rows");
    }

    private static IEnumerable<string> Expected(ScoreResult<SosgoqScores> result) =>
        result.Score is { } scores
            ? scores.Scales.Append(scores.Total).Select(scale => Describe("sosgoq_" + scale.Code, scale.Score, null, result, scale.Failure?.Message))
            : [Describe("sosgoq_total", null, null, result, result.Failure?.Message)];

    private static string Describe(string name, decimal? value, string? category, ScoreResult<SosgoqScores> result, string? reason) =>
        Describe(new DerivedScore(name, value, category, result.Instrument, result.InstrumentVersion, result.DefinitionVersion, result.Inputs, result.Rules, reason));

    private static string Describe(DerivedScore score) =>
        string.Join(" | ", score.Name, score.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), score.Category, score.Instrument, score.InstrumentVersion, score.Definition, score.NotComputableReason,
            string.Join(", ", score.Inputs.Select(i => $"{i.Key}={i.Value ?? "null"}")),
            string.Join(", ", score.Rules.Select(r => $"{r.Key}: {r.Value}")));
}
