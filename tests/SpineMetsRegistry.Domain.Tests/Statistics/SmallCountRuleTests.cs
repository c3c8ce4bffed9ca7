using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Statistics;

public sealed class SmallCountRuleTests
{
    private const int Threshold = 11;

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 80));

    [Theory]
    [InlineData(0, 30, true)]
    [InlineData(11, 30, true)]
    [InlineData(30, 30, true)]
    [InlineData(5, 30, false)]   // numerator small
    [InlineData(25, 30, false)]  // the rest (5) small
    [InlineData(0, 8, false)]    // total small
    public void Publish_Proportion_OnlyWhenNumeratorRestAndTotalAreSafe(long successes, long total, bool published)
    {
        Assert.Equal(published, SmallCountRule.Publish(new ProportionCounts(successes, total), Threshold) is not null);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Publish_PairedChange_NoSmallCountRecoverableFromShareAndN(int seed)
    {
        var random = new Random(seed);
        var statistics = Enumerable.Range(0, random.Next(0, 60))
            .Aggregate(PairedChangeStatistics.For(ChangeMeasure.NrsPain, new McidSettings()), (s, _) => s.Add(random.Next(0, 11), random.Next(0, 11)));

        var published = SmallCountRule.Publish(statistics, Threshold);

        if (published is null)
        {
            Assert.InRange(statistics.Differences.N, 0, Threshold - 1);
            return;
        }

        Assert.True(published.Change.N >= Threshold);
        if (published.ReachingMcid is { } share)
        {
            // What a reader computes: responders = p × n, non-responders = n − p × n.
            var responders = (long)Math.Round(share.Proportion * published.Change.N);
            Assert.True(SmallCountRule.IsSafe(responders, Threshold));
            Assert.True(SmallCountRule.IsSafe(published.Change.N - responders, Threshold));
        }
        else
        {
            Assert.False(SmallCountRule.IsSafe(statistics.Responders.Successes, Threshold) && SmallCountRule.IsSafe(statistics.Responders.Total - statistics.Responders.Successes, Threshold));
        }
    }

    [Fact]
    public void Publish_SummaryBelowThreshold_Hidden()
    {
        Assert.Null(SmallCountRule.Publish(ValueCounts.Of(Enumerable.Range(0, 10).Select(i => (decimal)i)), Threshold));
        Assert.Equal(11, SmallCountRule.Publish(ValueCounts.Of(Enumerable.Range(0, 11).Select(i => (decimal)i)), Threshold)!.N);
    }
}
