using System.Text;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Api.Tests.Support;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;
using static SpineMetsRegistry.Api.Tests.Support.ApiInvoker;

namespace SpineMetsRegistry.Api.Tests.Http;

/// <summary>
/// Who may call what, decided once by the pipeline from the route table (401 without a caller,
/// 404 for an unknown site or scope, 403 for the wrong role or site), and the audit filter.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiPipelineTests(AzuriteFixture azurite)
{
    private const string BatchKey = "b1@0123456789ab";

    // route, roles ("" = no caller), route values "name=value;...", expected status
    public static TheoryData<string, string, string, int> Cases => new()
    {
        { RegistryRoutes.Names.Health, "", "", 200 },
        { RegistryRoutes.Names.Me, "", "", 401 },
        { RegistryRoutes.Names.Me, "Registry.Site.S01", "", 200 },
        { RegistryRoutes.Names.ListBatches, "", "site=S01", 401 },
        { RegistryRoutes.Names.ListBatches, "Registry.Site.S01", "site=S01", 200 },
        { RegistryRoutes.Names.ListBatches, "Registry.Site.S01", "site=s01", 200 },
        { RegistryRoutes.Names.ListBatches, "Registry.Site.S01", "site=S02", 403 },
        { RegistryRoutes.Names.ListBatches, "Registry.Committee", "site=S01", 403 },
        { RegistryRoutes.Names.ListBatches, "Registry.Operator", "site=S02", 200 },
        { RegistryRoutes.Names.ListBatches, "Registry.Operator", "site=S99", 404 },
        { RegistryRoutes.Names.GetBatch, "Registry.Site.S01", $"site=S01;batchKey={BatchKey}", 200 },
        { RegistryRoutes.Names.GetBatch, "Registry.Site.S01", "site=S01;batchKey=missing@0", 404 },
        { RegistryRoutes.Names.GetBatch, "Registry.Site.S02", $"site=S01;batchKey={BatchKey}", 403 },
        { RegistryRoutes.Names.GetReport, "Registry.Site.S01", $"site=S01;batchKey={BatchKey};name=validation.csv", 200 },
        { RegistryRoutes.Names.GetReport, "Registry.Site.S01", $"site=S01;batchKey={BatchKey};name=other.json", 404 },
        { RegistryRoutes.Names.GetReport, "Registry.Site.S01", $"site=S01;batchKey={BatchKey};name=receipt.json", 404 },
        { RegistryRoutes.Names.GetReport, "Registry.Committee", $"site=S01;batchKey={BatchKey};name=validation.csv", 403 },
        { RegistryRoutes.Names.GetAggregates, "", "scope=pooled", 401 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Committee", "scope=pooled", 200 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Committee", "scope=POOLED", 200 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Committee", "scope=site:s02", 200 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Committee", "scope=everything", 404 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Committee", "scope=site:S99", 404 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Committee", "scope=committee", 404 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Site.S01", "scope=site:S01", 200 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Site.S01", "scope=site:S02", 403 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Site.S01", "scope=pooled", 403 },
        { RegistryRoutes.Names.GetAggregates, "Registry.Site.S01", "scope=nonsense", 404 },
        { RegistryRoutes.Names.ListReminders, "Registry.Site.S01", "site=S01", 200 },
        { RegistryRoutes.Names.ListReminders, "Registry.Committee", "site=S01", 403 },
        { RegistryRoutes.Names.CommitteeDigest, "", "", 401 },
        { RegistryRoutes.Names.CommitteeDigest, "Registry.Site.S01", "", 403 },
        { RegistryRoutes.Names.CommitteeDigest, "Registry.Committee", "", 404 }, // allowed; no sweep has computed it
        { RegistryRoutes.Names.RunSweep, "", "", 401 },
        { RegistryRoutes.Names.RunSweep, "Registry.Committee", "", 403 },
        { RegistryRoutes.Names.RunSweep, "Registry.Site.S01", "", 403 },
        { RegistryRoutes.Names.RunSweep, "Registry.Operator", "", 200 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InvokeAsync_CallerAndRoute_Status(string name, string roles, string values, int status)
    {
        await using var world = await WorldWithABatchAsync();
        var route = RegistryRoutes.All.Single(r => r.Name == name);

        var answer = await world.Api.InvokeAsync(route, Caller(roles), Values(values));

        Assert.Equal(status, answer.StatusCode);
        if (status >= 400)
        {
            var error = answer.Json();
            Assert.Equal(status switch { 401 => "unauthenticated", 403 => "forbidden", 404 => "not_found", _ => "bad_request" }, error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task InvokeAsync_ForbiddenSite_MessageNamesTheActivityAndSite()
    {
        await using var world = await WorldWithABatchAsync();

        var answer = await world.Api.InvokeAsync(RegistryRoutes.ListReminders, Caller("Registry.Site.S02"), Route(("site", "s01")));

        Assert.Equal("Your roles do not allow reading site S01's reminders.", answer.Json().GetProperty("message").GetString());
    }

    [Fact]
    public async Task InvokeAsync_AuditedRouteServed_OneEntryWithCallerActionAndTarget()
    {
        await using var world = await WorldWithABatchAsync();

        var answer = await world.Api.InvokeAsync(RegistryRoutes.GetReport, Caller("Registry.Site.S01"), Route(("site", "S01"), ("batchKey", BatchKey), ("name", "validation.csv")));

        Assert.Equal(200, answer.StatusCode);
        var entry = Assert.Single(await world.AuditEntriesAsync());
        Assert.Equal(("site:S01:tester", "report.read", $"S01/{BatchKey}/validation.csv", "ok"), (entry.Actor, entry.Action, entry.Target, entry.Outcome));
    }

    [Fact]
    public async Task InvokeAsync_AuditedRouteRefusedOrMissing_OnlyTheRefusalsAreEntries()
    {
        await using var world = await WorldWithABatchAsync();

        await world.Api.InvokeAsync(RegistryRoutes.GetReport, Caller("Registry.Site.S02"), Route(("site", "S01"), ("batchKey", BatchKey), ("name", "validation.csv")));
        await world.Api.InvokeAsync(RegistryRoutes.GetReport, Caller("Registry.Site.S01"), Route(("site", "S01"), ("batchKey", BatchKey), ("name", "receipt.json")));
        await world.Api.InvokeAsync(RegistryRoutes.GetAggregates, null, Route(("scope", "pooled")));

        // Nothing was disclosed by any of them: the two refusals are audited as refusals, the 404 not at all
        // (one frozen clock: entries of the same instant come back in any order).
        Assert.Equal(
            ["access.refused 401 no_credential", "access.refused 403 roles_not_allowed"],
            (await world.AuditEntriesAsync()).Select(e => e.Action + " " + e.Detail).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_UnauditedRoute_NoEntry()
    {
        await using var world = await WorldWithABatchAsync();

        var answer = await world.Api.InvokeAsync(RegistryRoutes.ListBatches, Caller("Registry.Operator"), Route(("site", "S01")));

        Assert.Equal(200, answer.StatusCode);
        Assert.Empty(await world.AuditEntriesAsync());
    }

    private async Task<ApiWorld> WorldWithABatchAsync()
    {
        var world = await ApiWorld.CreateAsync(azurite);
        var at = ApiWorld.Now.AddHours(-1);
        var entry = new BatchLedgerEntry
        {
            Site = "S01",
            BatchKey = BatchKey,
            BatchId = "b1",
            FileName = "b1.csv",
            Sha256 = new string('a', 64),
            SizeBytes = 120,
            Status = BatchStatus.Completed,
            ReceivedAt = at,
            UpdatedAt = at,
            Decision = BatchDecision.Accepted,
            Validation = new ValidationCounts(3, 3, 0, 0, 0, 0),
            Stored = new StoreCounts(3, 0, 0, 0),
        };
        await world.Ledger.RecordAsync(entry, new BatchLedgerEvent(BatchStatus.Completed, at, "3 stored"));
        using var report = new MemoryStream(Encoding.UTF8.GetBytes("row,field,code,message\n"));
        await world.Landing.WriteAsync("S01", LandingArea.Reports, $"{BatchKey}/validation.csv", report, "text/csv");
        return world;
    }

    private static RegistryCaller? Caller(string roles) =>
        roles.Length == 0 ? null : new RegistryCaller("tester", roles.Split(',').ToHashSet(StringComparer.Ordinal));

    private static IReadOnlyDictionary<string, string?> Values(string values) =>
        values.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => (string?)v[1], StringComparer.Ordinal);
}
