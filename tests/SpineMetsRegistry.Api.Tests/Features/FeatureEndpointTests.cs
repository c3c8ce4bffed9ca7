using System.Text;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Tests.Support;
using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;
using static SpineMetsRegistry.Api.Tests.Support.ApiInvoker;

namespace SpineMetsRegistry.Api.Tests.Features;

/// <summary>What each feature's handlers answer, on the wire, as both hosts serve them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeatureEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Me_SiteCaller_ItsRolesAndOnlyItsSite()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);

        var me = (await world.Api.InvokeAsync(RegistryRoutes.Me, Callers.Site("S03"))).Json();

        Assert.Equal("dm-S03", me.GetProperty("name").GetString());
        Assert.False(me.GetProperty("committee").GetBoolean());
        Assert.Equal(["S03"], me.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task ListBatches_TwoBatches_NewestFirstWithStatusAsText()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        await RecordAsync(world, "older@000000000001", ApiWorld.Now.AddDays(-2), BatchStatus.Completed);
        await RecordAsync(world, "newer@000000000002", ApiWorld.Now.AddHours(-1), BatchStatus.Quarantined);

        var answer = await world.Api.InvokeAsync(RegistryRoutes.ListBatches, Callers.Site("S01"), Route(("site", "s01")));

        Assert.Equal("application/json; charset=utf-8", answer.ContentType);
        var body = answer.Json();
        Assert.Equal("S01", body.GetProperty("site").GetString());
        Assert.Equal(["newer@000000000002 Quarantined", "older@000000000001 Completed"],
            body.GetProperty("batches").EnumerateArray().Select(b => $"{b.GetProperty("batchKey").GetString()} {b.GetProperty("status").GetString()}"));
    }

    [Fact]
    public async Task GetBatch_Recorded_HistoryAndReportLinks()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        await RecordAsync(world, "b1@0123456789ab", ApiWorld.Now.AddHours(-1), BatchStatus.Completed);

        var body = (await world.Api.InvokeAsync(RegistryRoutes.GetBatch, Callers.Operator, Route(("site", "S01"), ("batchKey", "b1@0123456789ab")))).Json();

        Assert.Equal("Completed", Assert.Single(body.GetProperty("history").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(
            ["/api/sites/S01/batches/b1@0123456789ab/reports/validation.json", "/api/sites/S01/batches/b1@0123456789ab/reports/validation.csv", "/api/sites/S01/batches/b1@0123456789ab/reports/receipt.json"],
            body.GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("validation.csv", "text/csv; charset=utf-8")]
    [InlineData("receipt.json", "application/json")]
    public async Task GetReport_Stored_TheStoredBytesWithTheirContentType(string name, string contentType)
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        var stored = Encoding.UTF8.GetBytes(name.EndsWith(".csv", StringComparison.Ordinal) ? "row,field,code,message\n3,age,range,Out of range\n" : """{"stored":{"inserted":3}}""");
        using (var content = new MemoryStream(stored))
        {
            await world.Landing.WriteAsync("S02", LandingArea.Reports, "b2@0123456789ab/" + name, content, contentType);
        }

        var answer = await world.Api.InvokeAsync(RegistryRoutes.GetReport, Callers.Site("S02"), Route(("site", "S02"), ("batchKey", "b2@0123456789ab"), ("name", name)));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(contentType, answer.ContentType);
        Assert.Equal(stored, answer.Body);
    }

    [Fact]
    public async Task GetAggregates_PooledTable_EveryCountThroughDisclosureControl()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        var table = new AggregateTable
        {
            Name = "enrollment.by_site",
            Title = "Enrolled patients by site",
            Kind = AggregateKind.Count,
            Dimensions = ["site"],
            Unit = "patients",
            Counts = [new CountCell(["S01"], 40), new CountCell(["S02"], 3), new CountCell(["S03"], 25)],
        };
        await world.Aggregates.WriteAsync([new AggregateDocument(AggregateScopes.Pooled, table.Name, AggregateJson.Serialize(table), 68, ApiWorld.Now, "b")]);

        var answer = await world.Api.InvokeAsync(RegistryRoutes.GetAggregates, Callers.Committee, Route(("scope", "pooled")));

        var body = answer.Json();
        Assert.Equal(world.Policies.Disclosure.Threshold, body.GetProperty("suppressionThreshold").GetInt32());
        var cells = Assert.Single(body.GetProperty("tables").EnumerateArray()).GetProperty("counts").EnumerateArray().ToList();
        Assert.Equal(world.Policies.Disclosure.Publish(table).Counts.Select(c => c.Display), cells.Select(c => c.GetProperty("display").GetString()));
        // The third cell is hidden only to protect its neighbour: marked suppressed, claiming no range.
        Assert.Equal(["40", "<11", "suppressed"], cells.Select(c => c.GetProperty("display").GetString()));
        Assert.Contains(await world.AuditEntriesAsync(), e => e.Action == "aggregates.read" && e.Target == "pooled" && e.Detail == "1 tables, threshold 11");
    }

    [Fact]
    public async Task GetAggregates_UnknownScope_NotFoundNotAnEmptyAnswer()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);

        // A bare site code names that site's scope ("S01" is "site:S01"); one that is not configured is unknown.
        var answer = await world.Api.InvokeAsync(RegistryRoutes.GetAggregates, Callers.Committee, Route(("scope", "S99")));

        Assert.Equal(404, answer.StatusCode);
        Assert.Equal("Scope s99 does not exist.", answer.Json().GetProperty("message").GetString());
    }

    [Fact]
    public async Task CommitteeDigest_SmallSitePoorCompliance_NotListedRateWithheld()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        await StoreDigestAsync(world, new SiteCompliance("S01", "6w", 21, 0, 12), new SiteCompliance("S02", "6w", 1, 0, 2), new SiteCompliance("S04", "6w", 1, 0, 2));

        var body = (await world.Api.InvokeAsync(RegistryRoutes.CommitteeDigest, Callers.Committee)).Json();

        // S01: 21 of 33 (0.64) is published and below 0.8; S02's and S04's 1 of 3 cannot be
        // published (their two small sites hide each other's cells), so neither is "below".
        var listed = Assert.Single(body.GetProperty("sitesBelowThreshold").EnumerateArray());
        Assert.Equal("S01", listed.GetProperty("site").GetString());
        var point = Assert.Single(listed.GetProperty("timePoints").EnumerateArray());
        Assert.Equal((0.64, "33"), (point.GetProperty("compliance").GetDouble(), point.GetProperty("closedVisits").GetString()));
        Assert.Equal(2, body.GetProperty("ratesWithheld").GetInt32());
        Assert.Equal(FollowUpCompliance.TableName, body.GetProperty("table").GetProperty("name").GetString());
        Assert.Contains(await world.AuditEntriesAsync(), e => e.Action == "committee.digest.read" && e.Detail!.StartsWith("1 sites below threshold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListReminders_BadDate_BadRequestNothingAudited()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);

        var answer = await world.Api.InvokeAsync(RegistryRoutes.ListReminders, Callers.Site("S01"), Route(("site", "S01")), "?asOf=02/03/2026");

        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("bad_request", answer.Json().GetProperty("code").GetString());
        Assert.Empty(await world.AuditEntriesAsync());
    }

    [Fact]
    public async Task RunSweep_FutureDay_RefusedNothingSwept()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);

        var answer = await world.Api.InvokeAsync(RegistryRoutes.RunSweep, Callers.Operator, query: "?asOf=2026-03-03");

        Assert.Equal(400, answer.StatusCode);
        Assert.Empty(await world.AuditEntriesAsync());
    }

    [Fact]
    public async Task RunSweep_Today_EnumsAsCamelCaseStringsWhateverTheHostsJsonSettings()
    {
        // The request's services have ASP.NET Core's JSON defaults (enums as numbers); the API's
        // own options apply anyway, so both hosts send the same bytes.
        await using var world = await ApiWorld.CreateAsync(azurite);

        var body = (await world.Api.InvokeAsync(RegistryRoutes.RunSweep, Callers.Operator)).Json();

        Assert.Equal("2026-03-02", body.GetProperty("asOf").GetString());
        Assert.Equal("wholeSchedule", body.GetProperty("mode").GetString());
        Assert.Contains(await world.AuditEntriesAsync(), e => e.Action == "sweep.run" && e.Target == "sweep/2026-03-02" && e.Actor == "operator:ops");
    }

    private static Task RecordAsync(ApiWorld world, string batchKey, DateTimeOffset at, BatchStatus status) =>
        world.Ledger.RecordAsync(
            new BatchLedgerEntry
            {
                Site = "S01",
                BatchKey = batchKey,
                BatchId = batchKey.Split('@')[0],
                FileName = batchKey.Split('@')[0] + ".csv",
                Sha256 = new string('b', 64),
                SizeBytes = 10,
                Status = status,
                ReceivedAt = at,
                UpdatedAt = at,
            },
            new BatchLedgerEvent(status, at, "test"));

    private static Task StoreDigestAsync(ApiWorld world, params SiteCompliance[] compliance)
    {
        var digest = new ComplianceDigest { AsOf = new DateOnly(2026, 3, 2), Threshold = 0.8, Protocol = world.Policies.Protocol.Fingerprint, Compliance = compliance };
        return world.Aggregates.WriteAsync([new AggregateDocument(AggregateScopes.Committee, ComplianceDigest.DocumentName, digest.ToJson(), compliance.Sum(c => c.Closed), ApiWorld.Now, "sweep")]);
    }
}
