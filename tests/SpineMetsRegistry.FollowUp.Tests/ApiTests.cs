using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;
using static SpineMetsRegistry.FollowUp.Tests.Support.ApiCalls;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>The reminder, committee digest and sweep endpoints: answers, roles and audit.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiTests(AzuriteFixture azurite)
{
    private static readonly DateOnly A = new(2026, 3, 2); // a Monday

    private async Task<FollowUpWorld> WorldAsync()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, A.AddDays(-1));
        await world.SweepAsync(A.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-30), A.AddDays(-1)); // 6w due
        await world.EnrollAsync("S01", "S01-0002", A.AddDays(-100), A.AddDays(-1)); // 6w missed, 12w overdue
        await world.ReceiveVisitAsync("S01", "S01-0002", "6w", 90, A.AddDays(-1)); // ... but received late: completed, not a reminder
        await world.EnrollAsync("S02", "S02-0001", A.AddDays(-20), A.AddDays(-1)); // 6w upcoming
        world.MoveTo(A, new TimeOnly(9, 0));
        return world;
    }

    [Fact]
    public async Task GetSiteRemindersAsync_SiteRole_ItsActionableVisitsAsOfToday()
    {
        var world = await WorldAsync();

        var response = await Registry(world).InvokeAsync(RegistryRoutes.ListReminders, Site("S01"), SiteRoute("S01"));

        Assert.Equal(200, response.StatusCode);
        var body = Body(response);
        Assert.Equal("S01", body.GetProperty("site").GetString());
        Assert.Equal("2026-03-02", body.GetProperty("date").GetString());
        Assert.Equal(
            ["S01-0002 12w overdue", "S01-0001 6w due"],
            body.GetProperty("reminders").EnumerateArray().Select(r => $"{r.GetProperty("studyId").GetString()} {r.GetProperty("timePoint").GetString()} {r.GetProperty("state").GetString()}"));
        Assert.Equal(1, body.GetProperty("counts").GetProperty("overdue").GetInt32());
        Assert.Contains(await world.AuditOfDayAsync(A), e => e.Action == "reminders.read" && e.Target.StartsWith("S01/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSiteRemindersAsync_AsOfALaterDay_StatesOfThatDay()
    {
        var world = await WorldAsync();

        var body = Body(await Registry(world).InvokeAsync(RegistryRoutes.ListReminders, Site("S02"), SiteRoute("S02"), "?asOf=2026-03-12"));

        // S02-0001: index 2026-02-10, 6w window opens on day 28 = 2026-03-10.
        var reminder = Assert.Single(body.GetProperty("reminders").EnumerateArray());
        Assert.Equal("due", reminder.GetProperty("state").GetString());
        Assert.Equal(26, reminder.GetProperty("daysRemaining").GetInt32()); // the window closes on day 56
    }

    [Theory]
    [InlineData(null, "S01", 401)]
    [InlineData("Registry.Site.S02", "S01", 403)]
    [InlineData("Registry.Committee", "S01", 403)]
    [InlineData("Registry.Operator", "S01", 200)]
    [InlineData("Registry.Site.S01", "s01", 200)]
    [InlineData("Registry.Operator", "S09", 404)]
    public async Task GetSiteRemindersAsync_Roles_OnlyTheSiteAndOperators(string? role, string site, int status)
    {
        var world = await WorldAsync();

        var response = await Registry(world).InvokeAsync(RegistryRoutes.ListReminders, role is null ? null : Caller(role), SiteRoute(site));

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task GetSiteRemindersAsync_BadDate_BadRequest()
    {
        var world = await WorldAsync();

        var response = await Registry(world).InvokeAsync(RegistryRoutes.ListReminders, Site("S01"), SiteRoute("S01"), "?asOf=03/12/2026");

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task RunSweepAsync_Operator_SweepsTheDayAndReportsIt()
    {
        var world = await WorldAsync();

        var response = await Registry(world).InvokeAsync(RegistryRoutes.RunSweep, Operator, query: "?asOf=2026-03-02");

        Assert.Equal(200, response.StatusCode);
        var body = Body(response);
        Assert.Equal("2026-03-02", body.GetProperty("asOf").GetString());
        Assert.Equal("dateIndex", body.GetProperty("mode").GetString());
        Assert.Equal(4, body.GetProperty("reminders").GetInt32());
        Assert.NotNull(await world.DigestAsync("S01", A));
        Assert.Contains(await world.AuditOfDayAsync(A), e => e.Action == "sweep.run" && e.Actor.StartsWith("operator:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("Registry.Site.S01", 403)]
    [InlineData("Registry.Committee", 403)]
    public async Task RunSweepAsync_NotOperator_RefusedNothingSwept(string? role, int status)
    {
        var world = await WorldAsync();

        var response = await Registry(world).InvokeAsync(RegistryRoutes.RunSweep, role is null ? null : Caller(role), query: "?asOf=2026-03-02");

        Assert.Equal(status, response.StatusCode);
        Assert.Null(await world.DigestAsync("S01", A));
    }

    [Fact]
    public async Task RunSweepAsync_FutureDay_RefusedAndNothingSwept()
    {
        var world = await WorldAsync();

        var response = await Registry(world).InvokeAsync(RegistryRoutes.RunSweep, Operator, query: "?asOf=" + A.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(400, response.StatusCode);
        Assert.Null(await world.DigestAsync("S01", A.AddDays(1)));
    }

    [Fact]
    public async Task RunSweepAsync_BadDate_BadRequest()
    {
        var world = await WorldAsync();

        Assert.Equal(400, (await Registry(world).InvokeAsync(RegistryRoutes.RunSweep, Operator, query: "?asOf=2026-3-2")).StatusCode);
    }

    [Fact]
    public async Task GetCommitteeDigestAsync_NeverComputed_NotFound()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, A);

        Assert.Equal(404, (await Registry(world).InvokeAsync(RegistryRoutes.CommitteeDigest, Committee)).StatusCode);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("Registry.Site.S01", 403)]
    [InlineData("Registry.Committee", 200)]
    [InlineData("Registry.Operator", 200)]
    public async Task GetCommitteeDigestAsync_Roles_CommitteeAndOperators(string? role, int status)
    {
        var world = await WorldAsync();

        Assert.Equal(status, (await Registry(world).InvokeAsync(RegistryRoutes.CommitteeDigest, role is null ? null : Caller(role))).StatusCode);
    }

    [Fact]
    public async Task GetCommitteeDigestAsync_SmallSite_NotListedBelowThresholdAndCountsSuppressed()
    {
        var world = await ComplianceWorldAsync(smallCellThreshold: null);

        var body = Body(await Registry(world).InvokeAsync(RegistryRoutes.CommitteeDigest, Committee));

        Assert.Equal("2026-03-02", body.GetProperty("asOf").GetString());
        Assert.Equal(0.8, body.GetProperty("complianceThreshold").GetDouble());
        // S02's 1 of 3 is below 0.8, but its counts are suppressed: an unknown rate is never
        // presented as "below threshold" (that would disclose the hidden within-window count).
        Assert.Empty(body.GetProperty("sitesBelowThreshold").EnumerateArray());
        Assert.Equal(2, body.GetProperty("ratesWithheld").GetInt32());

        var cells = body.GetProperty("table").GetProperty("counts").EnumerateArray()
            .ToDictionary(c => string.Join('/', c.GetProperty("keys").EnumerateArray().Select(k => k.GetString())), c => c.GetProperty("display").GetString());
        Assert.Equal("suppressed", cells["S01/6w/within_window"]); // complementary: S02's 1 is hidden in the same column, and its own size is not claimed
        Assert.Equal("0", cells["S01/6w/missed"]);
        Assert.Equal("<11", cells["S02/6w/within_window"]);
        Assert.Equal("<11", cells["S02/6w/missed"]);
        Assert.DoesNotContain("1", cells.Values);
        Assert.DoesNotContain("2", cells.Values);
    }

    [Fact]
    public async Task GetCommitteeDigestAsync_NoSuppression_RateAndCountsShown()
    {
        var world = await ComplianceWorldAsync(smallCellThreshold: 1);

        var body = Body(await Registry(world).InvokeAsync(RegistryRoutes.CommitteeDigest, Operator));

        var timePoint = Assert.Single(Assert.Single(body.GetProperty("sitesBelowThreshold").EnumerateArray()).GetProperty("timePoints").EnumerateArray());
        Assert.Equal(0.33, timePoint.GetProperty("compliance").GetDouble());
        Assert.Equal("3", timePoint.GetProperty("closedVisits").GetString());
    }

    [Fact]
    public async Task GetCommitteeDigestAsync_TotalPublishedButWithinSuppressed_RateWithheldNotListed()
    {
        var world = await ComplianceWorldAsync(smallCellThreshold: null, s02Patients: 12);

        var body = Body(await Registry(world).InvokeAsync(RegistryRoutes.CommitteeDigest, Committee));

        // S02: 12 closed, 1 within, 11 missed. 12 may be shown, but 1/12 with 12 would reveal the
        // hidden 1: the rate is withheld, so S02 is not listed as below the threshold either.
        Assert.Empty(body.GetProperty("sitesBelowThreshold").EnumerateArray());
        Assert.True(body.GetProperty("ratesWithheld").GetInt32() >= 1);
        var cells = body.GetProperty("table").GetProperty("counts").EnumerateArray()
            .ToDictionary(c => string.Join('/', c.GetProperty("keys").EnumerateArray().Select(k => k.GetString())), c => c.GetProperty("display").GetString());
        Assert.Equal("<11", cells["S02/6w/within_window"]);
    }

    /// <summary>S01: twelve 6w visits in the window; S02: one in, the others missed (by default 1 of 3).</summary>
    private async Task<FollowUpWorld> ComplianceWorldAsync(int? smallCellThreshold, int s02Patients = 3)
    {
        var world = await FollowUpWorld.CreateAsync(azurite, A.AddDays(-1), s => s.SmallCellThreshold = smallCellThreshold ?? s.SmallCellThreshold);
        await world.SweepAsync(A.AddDays(-1));
        for (var i = 1; i <= 12; i++)
        {
            await world.EnrollAsync("S01", $"S01-{i:D4}", A.AddDays(-100), A.AddDays(-1));
            await world.ReceiveVisitAsync("S01", $"S01-{i:D4}", "6w", 40 + (i % 5), A.AddDays(-1));
        }

        for (var i = 1; i <= s02Patients; i++)
        {
            await world.EnrollAsync("S02", $"S02-{i:D4}", A.AddDays(-100), A.AddDays(-1));
        }

        await world.ReceiveVisitAsync("S02", "S02-0001", "6w", 44, A.AddDays(-1));
        var monday = await world.SweepAsync(A);
        Assert.Equal(["S02"], monday.Compliance!.SitesBelowThreshold);
        return world;
    }
}
