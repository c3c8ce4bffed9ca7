using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

/// <summary>The published curve never lets a reader compute a count from 1 to threshold - 1.</summary>
public sealed class PublishedSurvivalCurveTests
{
    private const int Threshold = 11;

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Publish_RandomCohort_NoDerivableSmallCount(int seed)
    {
        var random = new Random(seed);
        var counts = SurvivalCounts.Of(Enumerable.Range(0, random.Next(5, 400))
            .Select(_ => new SurvivalObservation(random.Next(0, 900), random.Next(3) > 0)));

        var curve = PublishedSurvivalCurve.Publish(counts, Threshold);

        foreach (var count in AttackerCounts(curve, counts.Total))
        {
            Assert.False(count is >= 1 and < Threshold, $"seed {seed}: a reader can derive {count}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Publish_RandomCohortWithCutDays_NoDerivableSmallCount(int seed)
    {
        var random = new Random(seed);
        var counts = SurvivalCounts.Of(Enumerable.Range(0, random.Next(5, 400))
            .Select(_ => new SurvivalObservation(random.Next(0, 900), random.Next(3) > 0)));

        var curve = PublishedSurvivalCurve.Publish(counts, Threshold, cutDays: [31, 91]);

        Assert.All(curve.Intervals, i => Assert.True(i.Events is 0 or >= Threshold && i.Censored is 0 or >= Threshold && i.AtRisk >= Threshold));
        foreach (var count in AttackerCounts(curve, counts.Total))
        {
            Assert.False(count is >= 1 and < Threshold, $"seed {seed}: a reader can derive {count}");
        }
    }

    [Fact]
    public void Publish_ReportingDayReachableOnlyByMerging_NumberAtRiskShown()
    {
        // 30 deaths on day 10, 12 censored on day 50, 5 on day 80, 100 followed past a year.
        // Cutting greedily at day 51 would leave the 5 censorings alone before day 91 (3 months),
        // so the 3-month number at risk could not be shown; fixing day 91 first merges them instead.
        var counts = SurvivalCounts.Of(Enumerable.Repeat(new SurvivalObservation(10, true), 30)
            .Concat(Enumerable.Repeat(new SurvivalObservation(50, false), 12))
            .Concat(Enumerable.Repeat(new SurvivalObservation(80, false), 5))
            .Concat(Enumerable.Repeat(new SurvivalObservation(400, false), 100)));

        var curve = PublishedSurvivalCurve.Publish(counts, Threshold);

        Assert.Equal(100, curve.AtRiskTable.Single(a => a.Time.Label == "3 months").AtRisk);
        Assert.Contains(curve.Intervals, i => i.From == 11 && i.To == 91 && i.Censored == 17);
        Assert.All(AttackerCounts(curve, counts.Total), c => Assert.False(c is >= 1 and < Threshold));
    }

    [Fact]
    public void Publish_SmallDailyCounts_NoIntervalIsolatesThem()
    {
        // 3 deaths on each of 10 days, 2 censorings on each of 6 days, 20 censored at day 300:
        // the exact curve's steps reveal 3s and 2s.
        var observations = Enumerable.Range(1, 10).SelectMany(i => Enumerable.Repeat(new SurvivalObservation(10 * i, true), 3))
            .Concat(Enumerable.Range(1, 6).SelectMany(i => Enumerable.Repeat(new SurvivalObservation((10 * i) + 5, false), 2)))
            .Concat(Enumerable.Repeat(new SurvivalObservation(300, false), 20))
            .ToList();
        var counts = SurvivalCounts.Of(observations);
        Assert.Contains(KaplanMeier.Estimate(counts).Steps, s => s.Events == 3);

        var curve = PublishedSurvivalCurve.Publish(counts, Threshold);

        Assert.NotEmpty(curve.Intervals);
        Assert.All(curve.Intervals, i => Assert.True(i.Events is 0 or >= Threshold && i.Censored is 0 or >= Threshold && i.AtRisk >= Threshold));
        Assert.All(AttackerCounts(curve, counts.Total), c => Assert.False(c is >= 1 and < Threshold));
    }

    [Fact]
    public void Publish_SparseSmallCensorings_CurveStopsRatherThanRevealThem()
    {
        // 1 censoring between each pair of death days never adds up to a safe block before the
        // end, and the end block has 10 censorings: nothing can be published.
        var observations = Enumerable.Range(1, 10).SelectMany(i => new[]
        {
            new SurvivalObservation(10 * i, true), new SurvivalObservation(10 * i, true), new SurvivalObservation(10 * i, true),
            new SurvivalObservation((10 * i) + 5, false),
        });

        var curve = PublishedSurvivalCurve.Publish(SurvivalCounts.Of(observations), Threshold);

        Assert.Empty(curve.Intervals);
        Assert.Equal(40, curve.AtRiskTable[0].AtRisk);
    }

    [Fact]
    public void Publish_FewerThanThresholdAtStart_NothingPublished()
    {
        var counts = SurvivalCounts.Of(Enumerable.Range(0, Threshold - 1).Select(i => new SurvivalObservation(i * 30, true)));

        var curve = PublishedSurvivalCurve.Publish(counts, Threshold);

        Assert.Empty(curve.Intervals);
        Assert.All(curve.AtRiskTable, r => Assert.Null(r.AtRisk));
        Assert.Equal(new MedianSurvival(null, null, null), curve.Median);
    }

    [Fact]
    public void Publish_LargeCohort_StopsBeforeAtRiskFallsBelowThreshold()
    {
        var random = new Random(3);
        var counts = SurvivalCounts.Of(Enumerable.Range(0, 500).Select(_ => new SurvivalObservation(random.Next(0, 1000), random.Next(4) > 0)));

        var curve = PublishedSurvivalCurve.Publish(counts, Threshold);

        var last = curve.Intervals[^1];
        var after = last.AtRisk - last.Events - last.Censored;
        Assert.True(after == 0 || after >= Threshold);
        Assert.All(curve.Intervals, i => Assert.True(i.AtRisk >= Threshold));
        Assert.Equal(500, curve.AtRiskTable[0].AtRisk);
    }

    [Fact]
    public void Publish_CoarsenedCurve_CloseToExactCurveForALargeCohort()
    {
        var random = new Random(11);
        var counts = SurvivalCounts.Of(Enumerable.Range(0, 2000).Select(_ => new SurvivalObservation(random.Next(0, 730), random.Next(5) > 0)));
        var exact = KaplanMeier.Estimate(counts);

        var curve = PublishedSurvivalCurve.Publish(counts, Threshold);

        // Grouping deaths into intervals of at least 11 moves the curve by little in a large cohort.
        Assert.All(curve.Intervals, i => Assert.InRange(i.Survival - exact.SurvivalAt(i.To - 1), -0.01, 0.01));
    }

    /// <summary>
    /// Everything a reader can compute from a published curve: every published count, every
    /// difference between two published numbers at risk (patients leaving between them), what is
    /// left at risk after the last interval, and the deaths implied by each survival ratio.
    /// </summary>
    private static IEnumerable<long> AttackerCounts(PublishedSurvivalCurve curve, long total)
    {
        var atRisk = curve.Intervals.Select(i => i.AtRisk)
            .Concat(curve.AtRiskTable.Where(r => r.AtRisk is not null).Select(r => r.AtRisk!.Value))
            .Concat(curve.Intervals.Select(i => i.AtRisk - i.Events - i.Censored))
            .Distinct()
            .ToList();
        foreach (var a in atRisk)
        {
            yield return a;
            foreach (var b in atRisk)
            {
                yield return Math.Abs(a - b);
            }
        }

        var previous = 1.0;
        foreach (var interval in curve.Intervals)
        {
            yield return interval.Events;
            yield return interval.Censored;
            if (previous > 0)
            {
                yield return (long)Math.Round(interval.AtRisk * (1 - (interval.Survival / previous)));
            }

            previous = interval.Survival;
        }

        if (curve.Intervals.Count > 0)
        {
            yield return total - curve.Intervals[^1].AtRisk;
        }
    }
}
