using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Storage.Aggregates;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Aggregates;

[Collection(AzuriteCollection.Name)]
public sealed class TableAggregateStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WriteAsync_DocumentsOfTwoScopes_ReadAndListedPerScope()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableAggregateStore(context.Clients);
        var pooled = Doc("pooled", "enrollment.by_month_primary", """{"2026-01":{"lung":4}}""");
        var site = Doc("site:S01", "enrollment.by_month_primary", """{"2026-01":{"lung":1}}""");
        var sins = Doc("pooled", "baseline.sins_category", """{"stable":3}""");

        await store.WriteAsync([pooled, site, sins]);

        Assert.Equal(site, await store.ReadAsync("site:S01", "enrollment.by_month_primary"));
        Assert.Equal([sins, pooled], await store.ListAsync("pooled").ToListAsync());
        Assert.Null(await store.ReadAsync("site:S02", "enrollment.by_month_primary"));
    }

    [Fact]
    public async Task ListVersionsAsync_DocumentRewritten_ItsVersionChangesTheOthersDoNot()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableAggregateStore(context.Clients);
        await store.WriteAsync([Doc("statistics:pooled", "statistics.000", "[1]"), Doc("statistics:pooled", "statistics.001", "[2]"), Doc("pooled", "other", "{}")]);
        var before = await store.ListVersionsAsync("statistics:pooled").ToListAsync();

        await store.WriteAsync([Doc("statistics:pooled", "statistics.001", "[3]")]);
        var after = await store.ListVersionsAsync("statistics:pooled").ToListAsync();

        Assert.Equal(["statistics.000", "statistics.001"], after.Select(v => v.Name));
        Assert.Equal(before[0], after[0]);
        Assert.NotEqual(before[1].Version, after[1].Version);
        Assert.All(after, v => Assert.False(string.IsNullOrEmpty(v.Version)));
    }

    [Fact]
    public async Task WriteAsync_Repeated_ReplacesWithoutDuplicates()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableAggregateStore(context.Clients);
        await store.WriteAsync([Doc("pooled", "a", "{}")]);
        var recomputed = Doc("pooled", "a", """{"n":2}""") with { RecordCount = 2 };

        await store.WriteAsync([recomputed]);
        await store.WriteAsync([recomputed]);

        Assert.Equal(recomputed, Assert.Single(await store.ListAsync("pooled").ToListAsync()));
    }

    [Fact]
    public async Task WriteAsync_JsonLargerThanOneProperty_RoundTrips()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableAggregateStore(context.Clients);
        var cells = string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"\"c{i}\":{i}"));
        var large = Doc("pooled", "big", "{" + cells + "}");

        await store.WriteAsync([large]);

        Assert.True(large.Json.Length > 64 * 1024);
        Assert.Equal(large.Json, (await store.ReadAsync("pooled", "big"))!.Json);
    }

    [Fact]
    public async Task WriteAsync_ManyDocumentsOfOneScope_AllStored()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableAggregateStore(context.Clients);

        await store.WriteAsync([.. Enumerable.Range(0, 230).Select(i => Doc("pooled", $"agg.{i:D3}", "{}"))]);

        Assert.Equal(3, context.Requests.CountBatches());
        Assert.Equal(230, await store.ListAsync("pooled").CountAsync());
    }

    [Fact]
    public async Task DeleteOthersAsync_StaleNames_RemovedOnlyInThatScope()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableAggregateStore(context.Clients);
        await store.WriteAsync([Doc("pooled", "keep", "{}"), Doc("pooled", "stale", "{}"), Doc("site:S01", "stale", "{}")]);

        await store.DeleteOthersAsync("pooled", ["keep"]);
        await store.DeleteOthersAsync("pooled", ["keep"]);

        Assert.Equal(["keep"], await store.ListAsync("pooled").Select(d => d.Name).ToListAsync());
        Assert.NotNull(await store.ReadAsync("site:S01", "stale"));
        Assert.Equal(2, (await context.RowsAsync(RegistryTables.Aggregates)).Count);
    }

    private static AggregateDocument Doc(string scope, string name, string json) => new(scope, name, json, 5, At, "visits-1@0123456789ab");
}
