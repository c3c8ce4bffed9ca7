using System.Reflection;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Survival;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Tests.Support;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

/// <summary>
/// The aggregate step's committee statistics: written one document per write and read one
/// document per request, so the step never holds a scope's documents at once.
/// </summary>
public sealed class AggregateActivityStatisticsTests
{
    private static readonly RegistryPolicies Policies = RegistryPolicies.Create(ShippedRegistry.Configuration).Value!;

    [Fact]
    public async Task RecomputePooledAsync_SplitStatistics_WritesEachDocumentAloneAndRemovesStaleOnes()
    {
        var site = Policies.Configuration.Sites[0].Code;
        var store = new RecordingAggregateStore();
        var statistics = SiteStatistics.Of(Patients(12000), OutcomeMeasure.Defaults(new McidSettings()));
        var siteDocuments = StatisticsDocuments.Serialize(statistics).ToList();
        var pooledScope = StatisticsDocuments.StorageScope(AggregateScopes.Pooled);
        await store.WriteAsync(siteDocuments
            .Select((json, i) => new AggregateDocument(StatisticsDocuments.StorageScope(AggregateScopes.Site(site)), StatisticsDocuments.Name(i), json, 12000, DateTimeOffset.UnixEpoch, "earlier"))
            .Append(new AggregateDocument(pooledScope, StatisticsDocuments.Name(99), "[]", 0, DateTimeOffset.UnixEpoch, "earlier"))
            .ToList());
        store.Writes.Clear();

        await new AggregateActivity(Unused<IRecordStore>(), store, Unused<IBatchLedger>(), Policies)
            .RecomputePooledAsync("batch", DateTimeOffset.UnixEpoch, CancellationToken.None);

        var pooledWrites = store.Writes.Where(w => w.Any(d => d.Scope == pooledScope)).ToList();
        Assert.True(siteDocuments.Count > 1);
        Assert.Equal(siteDocuments.Count, pooledWrites.Count);
        Assert.All(pooledWrites, w => Assert.Single(w));
        Assert.Equal(
            Enumerable.Range(0, siteDocuments.Count).Select(StatisticsDocuments.Name),
            store.In(pooledScope).Select(d => d.Name));
        Assert.DoesNotContain(store.ListedScopes, s => s.StartsWith("statistics:", StringComparison.Ordinal));
        var pooled = (await StatisticsDocuments.ReadAsync(store, AggregateScopes.Pooled)).Select(CellKey.Everything);
        Assert.Equal(statistics.Select(CellKey.Everything).Enrolled, pooled.Enrolled);
        Assert.Equal(statistics.Select(CellKey.Everything).Survival.Days, pooled.Survival.Days);
    }

    private static List<PatientFacts> Patients(int count)
    {
        var random = new Random(11);
        string[] groups = ["lung", "breast", "prostate", "kidney", "other"];
        string[] treatments = ["surgery", "radiotherapy", "sbrt", "combined"];
        return Enumerable.Range(0, count).Select(_ => new PatientFacts(
            new CellKey((2015 + random.Next(10)).ToString(System.Globalization.CultureInfo.InvariantCulture), groups[random.Next(5)], treatments[random.Next(4)]),
            random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new SurvivalObservation(random.Next(0, 600), random.Next(2) == 0),
            new Dictionary<string, decimal> { ["eq5d_index"] = random.Next(-100, 1000) / 1000m },
            new Dictionary<string, VisitFacts>
            {
                ["12w"] = new("alive", new Dictionary<string, decimal> { ["eq5d_index"] = random.Next(-100, 1000) / 1000m }),
            })).ToList();
    }

    // The pooled step reads only aggregates: any use of the records or the ledger is a failure.
    private static T Unused<T>()
        where T : class => DispatchProxy.Create<T, UnusedProxy>();

#pragma warning disable CA1852 // DispatchProxy derives a type from it at run time: it cannot be sealed.
    private class UnusedProxy : DispatchProxy
#pragma warning restore CA1852
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"{targetMethod?.Name} was called; the pooled step must not use it.");
    }
}
