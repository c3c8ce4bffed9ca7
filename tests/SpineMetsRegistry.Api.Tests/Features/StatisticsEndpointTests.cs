using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Tests.Support;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Survival;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Storage.Aggregates;
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
        var more = StatisticsDocuments.Serialize(Statistics(world, 20, new CellKey("2026", "breast", "sbrt"))).ToList();
        await world.Aggregates.WriteAsync([new AggregateDocument(StatisticsDocuments.StorageScope(AggregateScopes.Pooled), StatisticsDocuments.Name(1), more[0], 0, ApiWorld.Now, "test")]);

        Assert.Equal(50, await EnrolledAsync(world));
    }

    [Fact]
    public async Task GetStatisticsTable_RewrittenDuringEveryRead_AnswersTheLastVersionReadWholeThenTheNew()
    {
        ChurningAggregateStore? store = null;
        await using var world = await ApiWorld.CreateAsync(azurite, services => services.AddSingleton<IAggregateStore>(sp =>
            store = new ChurningAggregateStore(ActivatorUtilities.CreateInstance<TableAggregateStore>(sp))));
        await StorePooledAsync(world, patients: 30);
        Assert.Equal(30, await EnrolledAsync(world));
        await StorePooledAsync(world, patients: 45);

        // As under a steady ingest: every read of the scope overlaps a rewrite, on every attempt.
        store!.Rewriting = true;
        var duringRewrites = await EnrolledAsync(world);
        store.Rewriting = false;

        Assert.Equal(30, duringRewrites);
        Assert.Equal(45, await EnrolledAsync(world));
    }

    [Fact]
    public async Task GetStatisticsTable_RewrittenDuringEveryReadAndNeverReadWhole_Fails()
    {
        ChurningAggregateStore? store = null;
        await using var world = await ApiWorld.CreateAsync(azurite, services => services.AddSingleton<IAggregateStore>(sp =>
            store = new ChurningAggregateStore(ActivatorUtilities.CreateInstance<TableAggregateStore>(sp))));
        await StorePooledAsync(world, patients: 30);
        store!.Rewriting = true;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            world.Api.InvokeAsync(RegistryRoutes.GetStatisticsTable, Callers.Committee, Route(("scope", "pooled"), ("table", "enrollment.summary"))));

        Assert.Equal("The statistics of pooled were rewritten while being read.", error.Message);
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

/// <summary>
/// The registry's aggregate store, whose documents, while <see cref="Rewriting"/>, change
/// between any two reads of their versions, as when batches keep landing: every read is torn.
/// </summary>
internal sealed class ChurningAggregateStore(IAggregateStore inner) : IAggregateStore
{
    private int _rewrites;

    public bool Rewriting { get; set; }

    public Task WriteAsync(IReadOnlyList<AggregateDocument> documents, CancellationToken cancellationToken = default) => inner.WriteAsync(documents, cancellationToken);

    public Task<AggregateDocument?> ReadAsync(string scope, string name, CancellationToken cancellationToken = default) => inner.ReadAsync(scope, name, cancellationToken);

    public IAsyncEnumerable<AggregateDocument> ListAsync(string scope, CancellationToken cancellationToken = default) => inner.ListAsync(scope, cancellationToken);

    public Task DeleteOthersAsync(string scope, IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default) => inner.DeleteOthersAsync(scope, keep, cancellationToken);

    public async IAsyncEnumerable<AggregateVersion> ListVersionsAsync(string scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rewrite = Rewriting ? Interlocked.Increment(ref _rewrites) : 0;
        await foreach (var version in inner.ListVersionsAsync(scope, cancellationToken))
        {
            yield return rewrite == 0 ? version : version with { Version = $"{version.Version}~{rewrite}" };
        }
    }
}
