using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Survival;

/// <summary>Pooled survival from merged site counts equals survival from all patients at once.</summary>
public sealed class SurvivalPoolingTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_RandomPartitionIntoSites_SameCurveMedianAndLogRank(int seed)
    {
        var random = new Random(seed);
        var patients = Enumerable.Range(0, random.Next(1, 300))
            .Select(_ => (Group: random.Next(3), Observation: new SurvivalObservation(random.Next(0, 800), random.Next(4) > 0)))
            .ToList();
        var sites = random.Next(1, 8);
        var bySite = patients.GroupBy(_ => random.Next(sites)).ToList();

        // Merge in a random order: associativity and commutativity are what make this work.
        var pooled = bySite.OrderBy(_ => random.Next())
            .Select(site => SurvivalCounts.Of(site.Select(p => p.Observation)))
            .Aggregate(SurvivalCounts.Empty, (a, b) => b.Merge(a));
        var direct = SurvivalCounts.Of(patients.Select(p => p.Observation));

        Assert.Equal(KaplanMeier.Estimate(direct).Steps, KaplanMeier.Estimate(pooled).Steps);
        Assert.Equal(KaplanMeier.Estimate(direct).Median, KaplanMeier.Estimate(pooled).Median);
        Assert.Equal(NumberAtRisk.At(direct, NumberAtRisk.StandardTimes), NumberAtRisk.At(pooled, NumberAtRisk.StandardTimes));

        var pooledGroups = Enumerable.Range(0, 3).ToDictionary(
            g => $"g{g}",
            g => SurvivalCounts.MergeAll(bySite.Select(site => SurvivalCounts.Of(site.Where(p => p.Group == g).Select(p => p.Observation)))));
        var directGroups = Enumerable.Range(0, 3).ToDictionary(g => $"g{g}", g => SurvivalCounts.Of(patients.Where(p => p.Group == g).Select(p => p.Observation)));
        var pooledTest = LogRankTest.Compare(pooledGroups);
        var directTest = LogRankTest.Compare(directGroups);
        Assert.Equal(directTest?.ChiSquare, pooledTest?.ChiSquare);
    }
}
