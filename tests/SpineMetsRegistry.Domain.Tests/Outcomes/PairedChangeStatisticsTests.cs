using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Tests.Outcomes;

public sealed class PairedChangeStatisticsTests
{
    // Student's sleep data (Biometrika 1908): the same 10 patients under drug 1 and drug 2.
    private static readonly decimal[] Drug1 = [0.7m, -1.6m, -0.2m, -1.2m, -0.1m, 3.4m, 3.7m, 0.8m, 0.0m, 2.0m];
    private static readonly decimal[] Drug2 = [1.9m, 0.8m, 1.1m, 0.1m, -0.1m, 4.4m, 5.5m, 1.6m, 4.6m, 3.4m];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 30));

    [Fact]
    public void Summarise_StudentSleepPairs_PairedTIntervalAndWilsonShare()
    {
        var statistics = Drug1.Zip(Drug2).Aggregate(PairedChangeStatistics.Empty(ScoreDirection.HigherIsBetter, 1m), (s, p) => s.Add(p.First, p.Second));

        var summary = statistics.Summarise();

        // R: t.test(extra ~ group, data = sleep, paired = TRUE) -> mean difference 1.58, CI 0.7001142-2.4598858.
        Assert.Equal(10, summary.Change.N);
        Assert.Equal(0.7001142, Math.Round(summary.Change.Mean!.Interval!.Value.Lower, 7));
        Assert.Equal(2.4598858, Math.Round(summary.Change.Mean!.Interval!.Value.Upper, 7));
        Assert.Equal(1.3m, summary.Change.Median);
        // Differences >= 1: 1.2 2.4 1.3 1.3 1.0 1.8 4.6 1.4 = 8 of 10; Wilson 8/10 by hand: 0.4902 to 0.9433.
        Assert.Equal(8, summary.ReachingMcid!.Successes);
        Assert.Equal(0.4902, Math.Round(summary.ReachingMcid.Interval.Lower, 4));
        Assert.Equal(0.9433, Math.Round(summary.ReachingMcid.Interval.Upper, 4));
    }

    [Fact]
    public void Add_NrsPainFallsByMcid_CountsAsResponder()
    {
        var statistics = PairedChangeStatistics.For(ChangeMeasure.NrsPain, new McidSettings())
            .Add(8m, 6m)   // improvement 2 = MCID: responder
            .Add(5m, 4m)   // improvement 1: not
            .Add(3m, 6m);  // worse: not

        Assert.Equal(new ProportionCounts(1, 3), statistics.Responders);
        Assert.Equal(-2m, statistics.Differences.Min);
    }

    [Fact]
    public void Add_MissingValue_NotAPair()
    {
        var statistics = PairedChangeStatistics.Empty(ScoreDirection.HigherIsBetter, 10m).Add(50m, null).Add(null, 60m);

        Assert.Equal(0, statistics.Differences.N);
        Assert.Equal(0, statistics.Responders.Total);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_RandomPartitionIntoSites_PooledEqualsAllAtOnce(int seed)
    {
        var random = new Random(seed);
        var pairs = Enumerable.Range(0, random.Next(1, 200)).Select(_ => ((decimal)random.Next(0, 11), (decimal)random.Next(0, 11))).ToList();
        var empty = PairedChangeStatistics.For(ChangeMeasure.NrsPain, new McidSettings());
        var sites = random.Next(1, 6);

        var pooled = pairs.GroupBy(_ => random.Next(sites))
            .Select(site => site.Aggregate(empty, (s, p) => s.Add(p.Item1, p.Item2)))
            .Aggregate(empty, (a, b) => b.Merge(a));
        var direct = pairs.Aggregate(empty, (s, p) => s.Add(p.Item1, p.Item2));

        Assert.Equal(direct.Summarise(), pooled.Summarise());
    }

    [Fact]
    public void Merge_DifferentMcid_Refused()
    {
        Assert.Throws<ArgumentException>(() =>
            PairedChangeStatistics.Empty(ScoreDirection.HigherIsBetter, 10m).Merge(PairedChangeStatistics.Empty(ScoreDirection.HigherIsBetter, 5m)));
    }
}
