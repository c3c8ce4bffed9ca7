using SpineMetsRegistry.Domain.Committee;

namespace SpineMetsRegistry.Domain.Tests.Committee;

public sealed class CommitteePublisherAttackTests
{
    private const int Threshold = 11;

    [Fact]
    public void Attack_PooledScopeEveryFilterTablesMarginsAndDifferences_RecoversNoSmallCount()
    {
        var patients = CohortFactory.Patients(seed: 7, count: 700);
        var stats = SiteStatistics.Of(patients, CohortFactory.Measures);
        var publisher = new CommitteePublisher(CohortFactory.Measures, stats, null, Threshold);
        var attacker = new DisclosureAttacker(new Dictionary<string, IReadOnlyList<PatientFacts>> { ["network"] = patients }, publisher.Filters, publisher.DimensionValues, Nesms(stats));

        foreach (var filter in publisher.Filters)
        {
            attacker.ReadAll(publisher.Publish("pooled", filter)!);
        }

        Assert.Empty(attacker.Attack(Threshold));
        Assert.True(attacker.Truth.Count(t => t.Value is > 0 and < Threshold) > 100, "the cohort must contain small cells for the attack to mean anything");
    }

    [Fact]
    public void Attack_SiteKnowingItsOwnRecords_RecoversNoSmallCountOfTheOtherSites()
    {
        var siteA = CohortFactory.Patients(seed: 11, count: 250);
        var siteB = CohortFactory.Patients(seed: 12, count: 450);
        var own = SiteStatistics.Of(siteA, CohortFactory.Measures);
        var network = own.Merge(SiteStatistics.Of(siteB, CohortFactory.Measures));
        var publisher = new CommitteePublisher(CohortFactory.Measures, network, own, Threshold);
        var attacker = new DisclosureAttacker(
            new Dictionary<string, IReadOnlyList<PatientFacts>> { ["own"] = siteA, ["network"] = [.. siteA, .. siteB], ["rest"] = siteB },
            publisher.Filters, publisher.DimensionValues, Nesms(network));
        foreach (var name in attacker.Truth.Keys.Where(k => k.StartsWith("own/", StringComparison.Ordinal)).ToList())
        {
            attacker.Know(name);
        }

        foreach (var filter in publisher.Filters)
        {
            attacker.ReadAll(publisher.Publish("site:S01", filter)!);
        }

        var recovered = attacker.Attack(Threshold);

        Assert.DoesNotContain(recovered, r => !r.StartsWith("own/", StringComparison.Ordinal));
    }

    [Fact]
    public void Attack_PrimarySuppressionOnly_RecoversSmallCounts()
    {
        // The attacker is strong enough to matter: against the old rule (small cells hidden, nothing else) it wins.
        var patients = CohortFactory.Patients(seed: 7, count: 700);
        var stats = SiteStatistics.Of(patients, CohortFactory.Measures);
        var publisher = new CommitteePublisher(CohortFactory.Measures, stats, null, Threshold);
        var attacker = new DisclosureAttacker(new Dictionary<string, IReadOnlyList<PatientFacts>> { ["network"] = patients }, publisher.Filters, publisher.DimensionValues, Nesms(stats));
        foreach (var (id, value, shown, _) in publisher.Grid.Cells().Where(c => c.Shown))
        {
            attacker.Read(id, value is > 0 and < Threshold ? "<11" : value, Threshold);
        }

        Assert.NotEmpty(attacker.Attack(Threshold));
    }

    [Fact]
    public void Publish_AliveHiddenAt26w_NrsTableDoesNotRevealItsN()
    {
        // The demo finding: "26w alive" hidden, yet the NRS pain table showed n=149.
        var patients = Enumerable.Range(0, 154).Select(i => new PatientFacts(
            new CellKey("2024", "lung", "surgery"), "1", new Domain.Survival.SurvivalObservation(200, false),
            new Dictionary<string, decimal> { ["nrs_pain"] = 6 },
            new Dictionary<string, VisitFacts>
            {
                ["26w"] = i < 5
                    ? new VisitFacts("deceased", new Dictionary<string, decimal>())
                    : new VisitFacts("alive", new Dictionary<string, decimal> { ["nrs_pain"] = 3 }),
            })).ToList();
        var stats = SiteStatistics.Of(patients, CohortFactory.Measures);

        var published = new CommitteePublisher(CohortFactory.Measures, stats, null, Threshold).Publish("pooled", CellKey.Everything, "26w")!;

        var status = published.Tables.Single(t => t.Name == "visits.vital_status").Rows.ToDictionary(r => (string)r[2]!, r => r[3]);
        Assert.Equal("<11", status["deceased"]);
        Assert.Equal("suppressed", status["alive"]);
        var nrs = published.Tables.Single(t => t.Name == "outcomes.summary").Rows.Single(r => (string)r[1]! == "nrs_pain");
        Assert.Equal("suppressed", nrs[3]);
        Assert.All(nrs.Skip(4), Assert.Null);
    }

    [Fact]
    public void Publish_ComplementaryCells_LabelledSuppressedNeverBelowThreshold()
    {
        var patients = CohortFactory.Patients(seed: 3, count: 500);
        var stats = SiteStatistics.Of(patients, CohortFactory.Measures);
        var publisher = new CommitteePublisher(CohortFactory.Measures, stats, null, Threshold);
        var labels = new List<(object? Label, long Truth)>();

        foreach (var filter in publisher.Filters)
        {
            var published = publisher.Publish("pooled", filter)!;
            foreach (var row in published.Tables.Single(t => t.Name == "visits.vital_status").Rows)
            {
                var measure = (string)row[2]! == "all" ? $"visits.{row[1]}" : $"visits.{row[1]}.{row[2]}";
                labels.Add((row[3], publisher.Grid.Value(StatisticsGridBuilder.Id("network", filter, measure))));
            }

            foreach (var row in published.Tables.Single(t => t.Name == "outcomes.summary").Rows)
            {
                labels.Add((row[3], publisher.Grid.Value(StatisticsGridBuilder.Id("network", filter, $"pro.{row[1]}.{row[2]}.n"))));
            }
        }

        Assert.All(labels.Where(l => l.Label is "<11"), l => Assert.InRange(l.Truth, 1, Threshold - 1));
        Assert.All(labels.Where(l => l.Label is long), l => Assert.Equal(l.Truth, (long)l.Label!));
        Assert.Contains(labels, l => l.Label is "suppressed" && l.Truth >= Threshold);
    }

    [Fact]
    public void Merge_SitesPooled_EqualsStatisticsOfAllPatientsAtOnce()
    {
        var a = CohortFactory.Patients(seed: 21, count: 120);
        var b = CohortFactory.Patients(seed: 22, count: 90);
        var c = CohortFactory.Patients(seed: 23, count: 60);

        var pooled = SiteStatistics.Of(c, CohortFactory.Measures).Merge(SiteStatistics.Of(a, CohortFactory.Measures).Merge(SiteStatistics.Of(b, CohortFactory.Measures)));
        var direct = SiteStatistics.Of([.. a, .. b, .. c], CohortFactory.Measures);

        var builder = new StatisticsGridBuilder(CohortFactory.Measures, direct);
        foreach (var filter in builder.Filters())
        {
            var x = pooled.Select(filter);
            var y = direct.Select(filter);
            Assert.Equal(builder.CountsOf(y), builder.CountsOf(x));
            Assert.Equal(y.Survival.Days, x.Survival.Days);
            foreach (var m in CohortFactory.Measures)
            {
                Assert.Equal(y.Outcome(m.Code, "26w").Values.Entries, x.Outcome(m.Code, "26w").Values.Entries);
                Assert.Equal(y.Outcome(m.Code, "26w").Changes.Entries, x.Outcome(m.Code, "26w").Changes.Entries);
            }
        }
    }

    private static List<string> Nesms(SiteStatistics stats) =>
        stats.Cells.Values.SelectMany(c => c.SurvivalByNesms.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
