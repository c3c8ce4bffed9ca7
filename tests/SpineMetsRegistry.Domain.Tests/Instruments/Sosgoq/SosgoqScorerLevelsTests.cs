using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sosgoq;

/// <summary>
/// The record scorer hands SOSGOQ its item levels in definition order instead of a dictionary:
/// for any answers, the result must be the one the dictionary overload gives.
/// </summary>
public sealed class SosgoqScorerLevelsTests
{
    [Fact]
    public void Score_LevelsInItemOrder_SameResultAsDictionary()
    {
        var definition = SosgoqDefinitions.RegistryDefault;
        var random = new Random(15);
        for (var sample = 0; sample < 300; sample++)
        {
            // Mostly valid levels, some unanswered, now and then one out of range.
            var levels = new int?[definition.Items.Count];
            var chanceMissing = random.NextDouble();
            for (var i = 0; i < levels.Length; i++)
            {
                levels[i] = random.NextDouble() < chanceMissing ? null
                    : sample % 10 == 0 && random.Next(20) == 0 ? definition.HighestLevel + 1
                    : random.Next(definition.LowestLevel, definition.HighestLevel + 1);
            }

            // An unanswered item is either absent from the dictionary or present as null.
            var responses = definition.Items.Select((item, i) => (item.Code, Level: levels[i]))
                .Where(pair => pair.Level is not null || random.Next(2) == 0)
                .ToDictionary(pair => pair.Code, pair => pair.Level, StringComparer.Ordinal);

            Assert.Equal(Describe(SosgoqScorer.Score(definition, responses)), Describe(SosgoqScorer.Score(definition, levels)));
        }
    }

    [Fact]
    public void Score_WrongNumberOfLevels_Refused()
    {
        Assert.Throws<ArgumentException>(() => SosgoqScorer.Score(SosgoqDefinitions.RegistryDefault, new int?[1]));
    }

    private static string Describe(SpineMetsRegistry.Domain.Instruments.ScoreResult<SosgoqScores> result)
    {
        var scales = result.Score is { } scores
            ? string.Join(" ", scores.Scales.Append(scores.Total).Select(s => $"{s.Code}={s.Score}/{s.Answered}/{string.Join(",", s.MissingItems)}/{s.Failure?.Message}"))
            : string.Empty;
        return $"{result.Instrument} {result.InstrumentVersion} {result.DefinitionVersion} | "
            + string.Join(";", result.Inputs.Select(i => $"{i.Key}={i.Value}")) + " | "
            + string.Join(";", result.Rules.Select(r => $"{r.Key}={r.Value}")) + " | "
            + $"{result.Failure?.Code} {result.Failure?.Message} {string.Join(",", result.Failure?.Inputs ?? [])} | {scales}";
    }
}
