using System.Net;
using System.Text.Json;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.LocalHost.Tests;

/// <summary>The local host's HTTP API as a site, the committee and a stranger use it, over the demo batches.</summary>
[Collection(DemoRegistryFixture.Collection)]
public sealed class ApiRouteTests(DemoRegistryFixture fixture)
{
    private readonly RunningRegistry _registry = fixture.Registry;

    [Fact]
    public void Demo_EverySiteBatch_Completed()
    {
        Assert.Equal(5, _registry.Demo.Count);
        Assert.All(_registry.Demo, b => Assert.Equal(BatchStatus.Completed, b.Entry?.Status));
        Assert.Contains(_registry.Demo, b => b.Entry!.Decision == BatchDecision.PartiallyAccepted);
    }

    [Fact]
    public async Task Api_WithoutKey_401EverywhereButHealth()
    {
        using var client = _registry.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/aggregates/pooled")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sites/S01/batches")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Api_SiteKey_SeesOwnBatchesOnlyAndNoPooledFigures()
    {
        using var client = _registry.Client(_registry.Host.Credentials.Sites["S01"]);

        var own = await client.GetAsync("/api/sites/S01/batches");
        var other = await client.GetAsync("/api/sites/S02/batches");
        var pooled = await client.GetAsync("/api/aggregates/pooled");
        var ownScope = await client.GetAsync("/api/aggregates/site:S01");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pooled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownScope.StatusCode);
        using var batches = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        var batch = Assert.Single(batches.RootElement.GetProperty("batches").EnumerateArray());
        Assert.Equal("Completed", batch.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Api_SiteKey_DownloadsItsValidationReportAndReceipt()
    {
        var s03 = _registry.Demo.Single(b => b.Site == "S03").Entry!;
        using var client = _registry.Client(_registry.Host.Credentials.Sites["S03"]);

        using var report = JsonDocument.Parse(await client.GetStringAsync($"/api/sites/S03/batches/{s03.BatchKey}/reports/validation.json"));
        using var receipt = JsonDocument.Parse(await client.GetStringAsync($"/api/sites/S03/batches/{s03.BatchKey}/reports/receipt.json"));

        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal("partially_accepted", summary.GetProperty("decision").GetString());
        Assert.Equal(s03.Validation!.Rejected, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(summary.GetProperty("accepted").GetInt32(), receipt.RootElement.GetProperty("stored").GetProperty("inserted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sites/S03/batches/{s03.BatchKey}/reports/other.json")).StatusCode);
    }

    [Fact]
    public async Task Api_CommitteeKey_PooledAggregatesSuppressed()
    {
        using var client = _registry.Client(_registry.Host.Credentials.Committee);

        using var pooled = JsonDocument.Parse(await client.GetStringAsync("/api/aggregates/pooled"));

        var tables = pooled.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        var bySite = tables["enrollment.by_site"].GetProperty("counts").EnumerateArray().ToList();
        Assert.Equal(["S01", "S02", "S03", "S04", "S05"], bySite.Select(c => c.GetProperty("keys")[0].GetString()));
        var total = tables["enrollment.total"].GetProperty("counts")[0].GetProperty("count").GetInt32();
        Assert.Equal(total, bySite.Sum(c => c.GetProperty("count").GetInt32()));
        var byPrimary = tables["enrollment.by_primary"].GetProperty("counts").EnumerateArray().ToList();
        // A hidden count is "<11" when it is small itself, "suppressed" when hidden only to protect a neighbour.
        Assert.All(byPrimary.Where(c => c.GetProperty("count").ValueKind == JsonValueKind.Null), c => Assert.Contains(c.GetProperty("display").GetString(), new[] { "<11", "suppressed" }));
        Assert.DoesNotContain(byPrimary, c => c.GetProperty("count").ValueKind == JsonValueKind.Number && c.GetProperty("count").GetInt32() is > 0 and < 11);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/sites/S01/batches")).StatusCode);
    }
}
