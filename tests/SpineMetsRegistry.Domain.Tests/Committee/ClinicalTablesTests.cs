using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Committee;

public sealed class ClinicalTablesTests
{
    private const int Threshold = 11;

    private static readonly List<PatientFacts> Cohort = CohortFactory.Patients(seed: 7, count: 700);

    private static readonly CommitteePublisher Pooled = new(CohortFactory.Measures, SiteStatistics.Of(Cohort, CohortFactory.Measures), null, Threshold);

    [Theory]
    [InlineData("neurology.change")]
    [InlineData("neurology.ambulatory")]
    [InlineData("complications.saves")]
    [InlineData("mortality.early")]
    [InlineData("qaly.first_year")]
    public void Publish_EveryFilter_HasTheClinicalTableWithRows(string name)
    {
        foreach (var filter in Pooled.Filters.Take(20))
        {
            var table = Assert.Single(Pooled.Publish("pooled", filter)!.Tables, t => t.Name == name);
            Assert.NotEmpty(table.Rows);
            Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Count));
        }
    }

    [Fact]
    public void Publish_Everything_SavesCountsEqualThePatientsWorstGrades()
    {
        var table = Table(CellKey.Everything, "complications.saves");

        foreach (var row in table.Rows.Where(r => (string)r[1]! != "all"))
        {
            long truth = Cohort.Count(p => p.Clinical.Categories.TryGetValue("saves.worst", out var g) && g == (string)row[1]!);
            if (row[2] is long shown)
            {
                Assert.Equal(truth, shown);
            }
            else
            {
                Assert.True(row[2] is "suppressed" || (row[2] is "<11" && truth is > 0 and < Threshold), $"{row[1]}: {row[2]} for {truth}");
            }
        }

        Assert.Equal((long)Cohort.Count(p => p.Clinical.Categories.ContainsKey("saves.worst")), Assert.Single(table.Rows, r => (string)r[1]! == "all")[2]);
    }

    [Fact]
    public void Publish_SmallCategory_IsHiddenAndHasNoShare()
    {
        // A filter narrow enough that some neurology category falls below the threshold.
        var hidden = Pooled.Filters
            .SelectMany(f => Table(f, "neurology.change").Rows)
            .Where(r => r[3] is string)
            .ToList();

        Assert.NotEmpty(hidden);
        Assert.All(hidden, r => Assert.Null(r[4]));
        Assert.Contains(hidden, r => (string)r[3]! == "<11");
    }

    [Fact]
    public void Publish_SharesOfAShownTally_AreWilsonIntervalsOfCountOverTotal()
    {
        var rows = Table(CellKey.Everything, "neurology.ambulatory").Rows.Where(r => (string)r[1]! == "baseline").ToList();
        var total = (long)rows.Single(r => (string)r[2]! == "all")[3]!;
        foreach (var row in rows.Where(r => (string)r[2]! != "all" && r[3] is long))
        {
            var expected = Domain.Statistics.ProportionEstimate.Wilson((long)row[3]!, total)!;
            Assert.Equal(Math.Round(expected.Proportion, 4), row[4]);
            Assert.Equal(Math.Round(expected.Interval.Lower, 4), row[5]);
        }
    }

    [Fact]
    public void Publish_QalyMean_IsTheMeanOfThePatientsQalys()
    {
        var row = Table(CellKey.Everything, "qaly.first_year").Rows.Single(r => (string)r[1]! == "locf");
        var qalys = Cohort.Where(p => p.Clinical.Qalys.ContainsKey("locf")).Select(p => (double)p.Clinical.Qalys["locf"]).ToList();

        Assert.Equal((long)qalys.Count, row[2]);
        Assert.Equal(Math.Round(qalys.Average(), 4), (double)row[3]!, 4);
        Assert.Null(row[8]);
    }

    [Fact]
    public void Publish_Mortality_IsOneMinusThePublishedCurveAtTheDayItIsReadAt()
    {
        var table = Table(CellKey.Everything, "mortality.early");
        var curve = PublishedSurvivalCurve.Publish(SiteStatistics.Of(Cohort, CohortFactory.Measures).Select(CellKey.Everything).Survival, Threshold, cutDays: [31, 91]);

        Assert.Contains(table.Rows, r => r[3] is double);
        foreach (var row in table.Rows)
        {
            var horizon = (int)row[1]!;
            if (row[2] is null)
            {
                // Unknown at the published resolution: the first interval runs from day 0 past the horizon.
                Assert.Contains(curve.Intervals, i => i.From == 0 && i.To - 1 > horizon);
                Assert.Null(row[3]);
                continue;
            }

            var readAt = (int)row[2]!;
            Assert.True(readAt <= horizon);
            var survival = curve.Intervals.LastOrDefault(i => i.To - 1 <= readAt)?.Survival ?? 1.0;
            Assert.Equal(Math.Round(1 - survival, 4), (double)row[3]!, 4);
            Assert.DoesNotContain(curve.Intervals, i => i.From <= readAt && i.To - 1 > readAt);
        }
    }

    [Fact]
    public void Publish_SafeCutAtTheHorizon_ReadsMortalityOnTheHorizonDay()
    {
        // 100 patients: 20 die on each of days 10 and 60, 20 are censored on each of days 20 and 80, 20 live past a year.
        var patients = Enumerable.Range(0, 100).Select(i => new PatientFacts(
            new CellKey("2024", "lung", "surgery"), "1",
            (i / 20) switch { 0 => new SurvivalObservation(10, true), 1 => new SurvivalObservation(60, true), 2 => new SurvivalObservation(20, false), 3 => new SurvivalObservation(80, false), _ => new SurvivalObservation(400, false) },
            new Dictionary<string, decimal>(), new Dictionary<string, VisitFacts>())).ToList();
        var publisher = new CommitteePublisher(CohortFactory.Measures, SiteStatistics.Of(patients, CohortFactory.Measures), null, Threshold);

        var rows = publisher.Publish("pooled", CellKey.Everything)!.Tables.Single(t => t.Name == "mortality.early").Rows;

        // By hand: S(30) = 80/100; S(90) = 0.8 × (1 - 20/60) = 0.5333.
        Assert.Equal([30, 90], rows.Select(r => r[2]));
        Assert.Equal(0.2, (double)rows[0][3]!, 4);
        Assert.Equal(0.4667, (double)rows[1][3]!, 4);
    }

    private static StatisticsTable Table(CellKey filter, string name) =>
        Pooled.Publish("pooled", filter)!.Tables.Single(t => t.Name == name);
}
