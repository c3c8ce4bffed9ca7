using Microsoft.Playwright;

namespace SpineMetsRegistry.LocalHost.Tests;

/// <summary>
/// The dashboard in a real browser: Debian's Chromium (installed by .ci/run), driven by
/// Playwright, against the local host with the demo batches processed.
/// </summary>
[Collection(DemoRegistryFixture.Collection)]
public sealed class DashboardTests(DemoRegistryFixture fixture) : IAsyncLifetime
{
    private readonly RunningRegistry _registry = fixture.Registry;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Dashboard_CommitteeLink_ShowsPooledFiguresWithSuppression()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_registry.Host.CommitteeDashboard.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");

        using var client = _registry.Client(_registry.Host.Credentials.Committee);
        using var pooled = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/aggregates/pooled"));
        var total = pooled.RootElement.GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "enrollment.total").GetProperty("counts")[0].GetProperty("display").GetString();

        Assert.Equal(total, await page.TextContentAsync("#enrolled .big"));
        Assert.Equal(5, await page.Locator("[data-table='enrollment.by_site'] tr").CountAsync() - 1);
        Assert.True(await page.Locator("[data-table='enrollment.by_primary'] td.suppressed").CountAsync() > 0);
        Assert.Contains("Registry.Committee", await page.InnerTextAsync("#who"), StringComparison.Ordinal);
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#batches").IsHiddenAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "spinemets-dashboard-committee.png"), FullPage = true });
    }

    [Fact]
    public async Task Dashboard_SiteKey_ShowsOwnBatchesAndOwnFiguresOnly()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(_registry.Host.BaseAddress, "/").ToString());
        await page.FillAsync("#key", _registry.Host.Credentials.Sites["S03"]);
        await page.ClickAsync("#signin-form button");
        await page.WaitForSelectorAsync("body[data-ready='true']");

        var rows = page.Locator("table[data-site='S03'] tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("partially_accepted", await rows.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("table[data-site='S01']").CountAsync());
        Assert.Contains("Site S03", await page.TextContentAsync("#aggregates-title") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WrongKey_SignInFailsWithAMessage()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(_registry.Host.BaseAddress, "/").ToString());
        await page.FillAsync("#key", "not-a-key");
        await page.ClickAsync("#signin-form button");

        await page.WaitForSelectorAsync("#signin-error:has-text('Sign-in failed')");
        Assert.True(await page.Locator("#aggregates").IsHiddenAsync());
    }
}
