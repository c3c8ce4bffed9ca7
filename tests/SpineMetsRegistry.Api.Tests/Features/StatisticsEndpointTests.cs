using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Tests.Support;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Survival;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Testing.Azurite;
using static SpineMetsRegistry.Api.Tests.Support.ApiInvoker;

namespace SpineMetsRegistry.Api.Tests.Features;

/// <summary>
/// The statistics API keeps what it computed for a stored version of the statistics and checks
/// only the documents' versions per request: a new version must be answered at once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatisticsEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetStatisticsTable_StatisticsRewrittenAfterAnAnswer_AnswersTheNewVersion()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        await StorePooledAsync(world, patients: 30);
        var first = await EnrolledAsync(world);
        var repeated = await EnrolledAsync(world);

        await StorePooledAsync(world, patients: 45);

        Assert.Equal(30, first);
        Assert.Equal(30, repeated);
        Assert.Equal(45, await EnrolledAsync(world));
    }

    [Fact]
    public async Task GetStatisticsTable_DocumentAddedToTheScope_AnswersTheNewVersion()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        await StorePooledAsync(world, patients: 30);
        Assert.Equal(30, await EnrolledAsync(world));

        // A second document of the same scope (statistics are split over documents): the version
        // list changes by a name, not by an ETag.
        var more = StatisticsDocuments.Serialize(Statistics(world, 20, new CellKey("2026", "breast", "sbrt")));
        await world.Aggregates.WriteAsync([new AggregateDocument(StatisticsDocuments.StorageScope(AggregateScopes.Pooled), StatisticsDocuments.Name(1), more[0], 0, ApiWorld.Now, "test")]);

        Assert.Equal(50, await EnrolledAsync(world));
    }

    private static async Task<long> EnrolledAsync(ApiWorld world)
    {
        var answer = await world.Api.InvokeAsync(RegistryRoutes.GetStatisticsTable, Callers.Committee, Route(("scope", "pooled"), ("table", "enrollment.summary")));
        Assert.Equal(200, answer.StatusCode);
        var row = Assert.Single(answer.Json().GetProperty("table").GetProperty("rows").EnumerateArray());
        return row[1].GetInt64();
    }

    private static async Task StorePooledAsync(ApiWorld world, int patients)
    {
        var scope = StatisticsDocuments.StorageScope(AggregateScopes.Pooled);
        var documents = StatisticsDocuments.Serialize(Statistics(world, patients, new CellKey("2025", "lung", "surgery")))
            .Select((json, i) => new AggregateDocument(scope, StatisticsDocuments.Name(i), json, patients, ApiWorld.Now, "test"))
            .ToList();
        await world.Aggregates.WriteAsync(documents);
        await world.Aggregates.DeleteOthersAsync(scope, documents.Select(d => d.Name).ToList());
    }

    private static SiteStatistics Statistics(ApiWorld world, int patients, CellKey key)
    {
        var measures = OutcomeMeasure.Defaults(world.Policies.Settings.Instruments.Mcid ?? new());
        var facts = Enumerable.Range(0, patients).Select(i => new PatientFacts(
            key,
            "1",
            new SurvivalObservation(100 + i, i % 2 == 0),
            new Dictionary<string, decimal>(),
            new Dictionary<string, VisitFacts>()));
        return SiteStatistics.Of(facts, measures);
    }
}
