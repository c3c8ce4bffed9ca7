using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Committee;

/// <summary>
/// A site's statistics folded patient by patient, checked cell by cell against what the
/// patients themselves say (counted here with LINQ, not with the statistics types).
/// </summary>
public sealed class SiteStatisticsBuilderTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 8));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Build_PatientsInAnyOrder_EveryCellAsCountedFromThePatients(int seed)
    {
        var patients = CohortFactory.Patients(seed, 1500);
        var shuffled = patients.OrderBy(_ => new Random(seed).Next()).ToList();
        var builder = new SiteStatisticsBuilder(CohortFactory.Measures);

        foreach (var patient in shuffled)
        {
            builder.Add(patient);
        }

        var statistics = builder.Build();
        Assert.Equal(patients.Select(p => p.Key).Distinct().OrderBy(k => k.ToString(), StringComparer.Ordinal), statistics.Cells.Keys.OrderBy(k => k.ToString(), StringComparer.Ordinal));
        foreach (var group in patients.GroupBy(p => p.Key))
        {
            var cell = statistics.Cells[group.Key];
            Assert.Equal(group.Count(), cell.Enrolled);
            AssertSurvival(group.Where(p => p.Survival is not null).Select(p => p.Survival!.Value), cell.Survival);
            foreach (var nesms in group.Select(p => p.Nesms).Distinct())
            {
                var observed = group.Where(p => p.Nesms == nesms && p.Survival is not null).Select(p => p.Survival!.Value).ToList();
                if (observed.Count > 0)
                {
                    AssertSurvival(observed, cell.SurvivalByNesms[nesms]);
                }
            }

            foreach (var measure in CohortFactory.Measures)
            {
                AssertCounts(group.Where(p => p.Baseline.ContainsKey(measure.Code)).Select(p => p.Baseline[measure.Code]), cell.Outcome(measure.Code, "baseline").Values);
                foreach (var timePoint in new[] { "6w", "12w", "26w", "52w" })
                {
                    var visits = group.Where(p => p.Visits.TryGetValue(timePoint, out var v) && v.Values.ContainsKey(measure.Code)).ToList();
                    var changes = visits.Where(p => p.Baseline.ContainsKey(measure.Code))
                        .Select(p => p.Visits[timePoint].Values[measure.Code] - p.Baseline[measure.Code])
                        .ToList();
                    var outcome = cell.Outcome(measure.Code, timePoint);
                    AssertCounts(visits.Select(p => p.Visits[timePoint].Values[measure.Code]), outcome.Values);
                    AssertCounts(changes, outcome.Changes);
                    Assert.Equal(changes.Count(measure.ReachesMcid), outcome.McidReached);
                    Assert.Equal(group.Count(p => p.Visits.TryGetValue(timePoint, out var v) && v.VitalStatus == "alive"), cell.VisitsWith(timePoint, "alive"));
                }
            }

            Assert.Equal(group.Count(p => p.Clinical.Categories.GetValueOrDefault("saves.worst") == "II"), cell.Tally("saves.worst", "II"));
            var qalys = group.Where(p => p.Clinical.Qalys.ContainsKey("locf")).Select(p => p.Clinical.Qalys["locf"]).ToList();
            Assert.Equal(qalys.Count, cell.Qaly("locf").N);
            Assert.Equal(qalys.Sum(), cell.Qaly("locf").Sum);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Add_SitesStatisticsOneAfterAnother_SameAsEveryPatientAtOnce(int seed)
    {
        var patients = CohortFactory.Patients(seed, 3000);
        var random = new Random(seed);
        var sites = patients.GroupBy(_ => random.Next(7)).Select(g => SiteStatistics.Of(g, CohortFactory.Measures)).ToList();
        var pooled = new SiteStatisticsBuilder(CohortFactory.Measures);

        foreach (var site in sites)
        {
            pooled.Add(site);
        }

        var built = pooled.Build();
        var direct = SiteStatistics.Of(patients, CohortFactory.Measures);
        Assert.Equal(direct.Cells.Count, built.Cells.Count);
        foreach (var (key, cell) in direct.Cells)
        {
            var other = built.Cells[key];
            Assert.Equal(cell.Enrolled, other.Enrolled);
            Assert.Equal(cell.Survival.Days, other.Survival.Days);
            Assert.Equal(cell.Survival.Total, other.Survival.Total);
            foreach (var measure in CohortFactory.Measures)
            {
                foreach (var timePoint in new[] { "baseline", "12w", "52w" })
                {
                    Assert.Equal(cell.Outcome(measure.Code, timePoint).Values.Entries, other.Outcome(measure.Code, timePoint).Values.Entries);
                    Assert.Equal(cell.Outcome(measure.Code, timePoint).Changes.Entries, other.Outcome(measure.Code, timePoint).Changes.Entries);
                    Assert.Equal(cell.Outcome(measure.Code, timePoint).Values.Moments, other.Outcome(measure.Code, timePoint).Values.Moments);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MergeAllAndMerge_EveryCellOfASite_AsCountedFromAllItsPatients(int seed)
    {
        var patients = CohortFactory.Patients(seed, 2000);
        var cells = SiteStatistics.Of(patients, CohortFactory.Measures).Cells.Values.ToList();

        var merged = StatisticsCell.MergeAll(cells);
        var pairwise = cells.Aggregate(StatisticsCell.Empty, (a, b) => a.Merge(b));

        foreach (var cell in new[] { merged, pairwise })
        {
            Assert.Equal(patients.Count, cell.Enrolled);
            AssertSurvival(patients.Where(p => p.Survival is not null).Select(p => p.Survival!.Value), cell.Survival);
            foreach (var measure in CohortFactory.Measures)
            {
                var visits = patients.Where(p => p.Visits.TryGetValue("12w", out var v) && v.Values.ContainsKey(measure.Code)).ToList();
                var changes = visits.Where(p => p.Baseline.ContainsKey(measure.Code)).Select(p => p.Visits["12w"].Values[measure.Code] - p.Baseline[measure.Code]);
                AssertCounts(visits.Select(p => p.Visits["12w"].Values[measure.Code]), cell.Outcome(measure.Code, "12w").Values);
                AssertCounts(changes, cell.Outcome(measure.Code, "12w").Changes);
            }

            Assert.Equal(patients.Count(p => p.Clinical.Categories.GetValueOrDefault("ambulatory.baseline") == "assisted"), cell.Tally("ambulatory.baseline", "assisted"));
        }
    }

    private static void AssertSurvival(IEnumerable<SurvivalObservation> observations, SurvivalCounts counts)
    {
        var expected = observations.GroupBy(o => o.Time).OrderBy(g => g.Key)
            .Select(g => (g.Key, new DayCounts(g.LongCount(o => o.IsEvent), g.LongCount(o => !o.IsEvent))))
            .ToList();
        Assert.Equal(expected, counts.Days.Select(d => (d.Key, d.Value)).ToList());
    }

    private static void AssertCounts(IEnumerable<decimal> values, Domain.Statistics.ValueCounts counts)
    {
        var list = values.ToList();
        Assert.Equal(list.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, g.LongCount())).ToList(), counts.Entries.Select(e => (e.Key, e.Value)).ToList());
        Assert.Equal(list.Sum(), counts.Moments.Sum);
    }
}
