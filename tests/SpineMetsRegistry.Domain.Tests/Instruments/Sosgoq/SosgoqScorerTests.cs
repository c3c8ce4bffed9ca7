using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Sosgoq;

/// <summary>
/// Derived vectors of the registry default SOSGOQ 2.0 definition: items 01-05 physical
/// function, 06-09 neurological single items, 10-13 pain, 14-17 mental health, 18-20 social
/// function; level L scores (5 - L) x 25; means of answered items.
/// </summary>
public sealed class SosgoqScorerTests
{
    private static readonly SosgoqDefinition Default = SosgoqDefinitions.RegistryDefault1;

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 75)]
    [InlineData(3, 50)]
    [InlineData(4, 25)]
    [InlineData(5, 0)]
    public void Score_AllItemsAtOneLevel_EveryScaleAndTotalAtThatLevelsScore(int level, int expected)
    {
        var result = SosgoqScorer.Score(Default, Responses(Enumerable.Range(1, 20).ToDictionary(n => n, _ => level)));

        Assert.True(result.IsComputable);
        Assert.Equal(8, result.Score!.Scales.Count);
        Assert.All(result.Score.Scales, s => Assert.Equal(expected, s.Score));
        Assert.Equal(expected, result.Score.Total.Score);
    }

    [Fact]
    public void Score_MixedResponses_GivesHandComputedScaleMeans()
    {
        // PF 1,2,3,4,5 -> 100,75,50,25,0 -> 50; neuro legs 2 -> 75, arms 1 -> 100, bowel 5 -> 0, bladder 3 -> 50;
        // pain 4,4,3,2 -> 25,25,50,75 -> 43.75; mental 1,1,2,1 -> 100,100,75,100 -> 93.75; social 3,2,2 -> 50,75,75 -> 66.666.. -> 66.67.
        // Total: (250 + 225 + 175 + 375 + 200) / 20 = 1225 / 20 = 61.25.
        int[] levels = [1, 2, 3, 4, 5, 2, 1, 5, 3, 4, 4, 3, 2, 1, 1, 2, 1, 3, 2, 2];
        var result = SosgoqScorer.Score(Default, Responses(levels.Select((l, i) => (i + 1, l)).ToDictionary(p => p.Item1, p => p.l)));

        var scores = result.Score!;
        Assert.Equal(50m, scores.Scale("physical_function")!.Score);
        Assert.Equal(75m, scores.Scale("neurological_legs")!.Score);
        Assert.Equal(100m, scores.Scale("neurological_arms")!.Score);
        Assert.Equal(0m, scores.Scale("neurological_bowel")!.Score);
        Assert.Equal(50m, scores.Scale("neurological_bladder")!.Score);
        Assert.Equal(43.75m, scores.Scale("pain")!.Score);
        Assert.Equal(93.75m, scores.Scale("mental_health")!.Score);
        Assert.Equal(66.67m, scores.Scale("social_function")!.Score);
        Assert.Equal(61.25m, scores.Total.Score);
    }

    [Fact]
    public void Score_MissingItems_AreLeftOutNeverScoredAsZero()
    {
        // Physical function: 3 of 5 answered at level 1; a missing item scored 0 would give 60.
        var responses = AllAtLevel(1);
        responses.Remove("sosgoq_04");
        responses["sosgoq_05"] = null;

        var pf = SosgoqScorer.Score(Default, responses).Score!.Scale("physical_function")!;

        Assert.Equal(100m, pf.Score);
        Assert.Equal(3, pf.Answered);
        Assert.Equal(["sosgoq_04", "sosgoq_05"], pf.MissingItems);
        Assert.Null(pf.Failure);
    }

    [Fact]
    public void Score_DomainWithLessThanHalfAnswered_HasNoScoreAndNamesMissingItems()
    {
        var responses = AllAtLevel(2);
        foreach (var item in new[] { "sosgoq_01", "sosgoq_02", "sosgoq_03" })
        {
            responses.Remove(item);
        }

        var scores = SosgoqScorer.Score(Default, responses).Score!;
        var pf = scores.Scale("physical_function")!;

        Assert.Null(pf.Score);
        Assert.Equal(2, pf.Answered);
        Assert.Equal(3, pf.MinimumAnswered);
        Assert.Equal(ScoreFailure.InsufficientItemsCode, pf.Failure!.Code);
        Assert.Equal(["sosgoq_01", "sosgoq_02", "sosgoq_03"], pf.Failure.Inputs);
        // 17 of 20 answered is at least 75%: the total is still scored, from the answered items only.
        Assert.Equal(75m, scores.Total.Score);
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    public void Score_TotalNeedsThreeQuartersOfItems(int answered, bool totalScored)
    {
        // Answer items 1..answered; with 14 the pain and social domains lose items too, which is fine here.
        var responses = Responses(Enumerable.Range(1, answered).ToDictionary(n => n, _ => 3));

        var total = SosgoqScorer.Score(Default, responses).Score!.Total;

        Assert.Equal(totalScored, total.Score is not null);
        Assert.Equal(15, total.MinimumAnswered);
        Assert.Equal(20 - answered, total.MissingItems.Count);
        if (totalScored)
        {
            Assert.Equal(50m, total.Score);
        }
    }

    [Fact]
    public void Score_TwoOfFourPainItems_IsHalfAndScored()
    {
        var responses = AllAtLevel(4);
        responses.Remove("sosgoq_10");
        responses.Remove("sosgoq_11");

        Assert.Equal(25m, SosgoqScorer.Score(Default, responses).Score!.Scale("pain")!.Score);
    }

    [Fact]
    public void Score_SingleItemUnanswered_HasNoScore()
    {
        var responses = AllAtLevel(1);
        responses.Remove("sosgoq_08");

        var bowel = SosgoqScorer.Score(Default, responses).Score!.Scale("neurological_bowel")!;

        Assert.Null(bowel.Score);
        Assert.Equal(["sosgoq_08"], bowel.MissingItems);
    }

    [Fact]
    public void Score_NothingAnswered_IsNotComputable()
    {
        var result = SosgoqScorer.Score(Default, new Dictionary<string, int?>());

        Assert.False(result.IsComputable);
        Assert.Equal(ScoreFailure.MissingInputCode, result.Failure!.Code);
        Assert.Equal(20, result.Failure.Inputs.Count);
    }

    [Fact]
    public void Score_UnknownItemCode_IsInvalidInput()
    {
        var responses = AllAtLevel(1);
        responses["sosgoq_21"] = 1;

        var result = SosgoqScorer.Score(Default, responses);

        Assert.Equal(ScoreFailure.InvalidInputCode, result.Failure!.Code);
        Assert.Equal(["sosgoq_21"], result.Failure.Inputs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Score_LevelOutsideOneToFive_IsInvalidInput(int level)
    {
        var responses = AllAtLevel(1);
        responses["sosgoq_07"] = level;

        var result = SosgoqScorer.Score(Default, responses);

        Assert.Equal(ScoreFailure.InvalidInputCode, result.Failure!.Code);
        Assert.Equal(["sosgoq_07"], result.Failure.Inputs);
    }

    [Fact]
    public void Score_RecordsDefinitionVersionAndEveryItem()
    {
        var responses = AllAtLevel(2);
        responses.Remove("sosgoq_20");

        var result = SosgoqScorer.Score(Default, responses);

        Assert.Equal("SOSGOQ", result.Instrument);
        Assert.Equal("2.0", result.InstrumentVersion);
        Assert.Equal("registry-default-1", result.DefinitionVersion);
        Assert.Equal(20, result.Inputs.Count);
        Assert.Equal("2", result.Inputs["sosgoq_01"]);
        Assert.Null(result.Inputs["sosgoq_20"]);
        Assert.Contains("registry-default", result.Rules["definition"]);
    }

    internal static Dictionary<string, int?> AllAtLevel(int level) =>
        Responses(Enumerable.Range(1, 20).ToDictionary(n => n, _ => level));

    internal static Dictionary<string, int?> Responses(Dictionary<int, int> byNumber) =>
        byNumber.ToDictionary(p => $"sosgoq_{p.Key:00}", p => (int?)p.Value);
}
