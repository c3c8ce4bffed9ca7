using Microsoft.Playwright;

namespace SpineMetsRegistry.LocalHost.Tests;

/// <summary>
/// The committee's charts in Debian's Chromium over the demo data: every chart drawn with the
/// served Observable Plot, suppression honoured, and a screenshot saved as a test artefact
/// (TestResults/committee-dashboard.png next to the test assembly's results).
/// </summary>
[Collection(DemoRegistryFixture.Collection)]
public sealed class CommitteeDashboardTests(DemoRegistryFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Charts = ["survival", "survival-groups", "pro", "change", "neurology", "complications", "enrollment", "tumour-mix", "compliance", "data-quality"];
    private readonly RunningRegistry _registry = fixture.Registry;
    private HeadlessChromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Dashboard_Committee_EveryChartDrawnSuppressionHonouredScreenshotSaved()
    {
        var page = await _chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var external = new List<string>();
        var errors = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(_registry.Host.BaseAddress.ToString(), StringComparison.Ordinal)) external.Add(request.Url); };
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };

        // The compliance chart reads what the daily sweep computes: run it as the operator would.
        using (var operatorClient = _registry.Client(_registry.Host.Credentials.Operator))
        {
            (await operatorClient.PostAsync("/api/operations/sweep", null)).EnsureSuccessStatusCode();
        }

        await page.GotoAsync(_registry.Host.CommitteeDashboard.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, "committee-dashboard.png"), FullPage = false });
        Assert.True(new FileInfo(Path.Combine(directory, "committee-dashboard.png")).Length > 10_000);

        foreach (var chart in Charts)
        {
            Assert.True("true" == await page.GetAttributeAsync($"figure[data-chart='{chart}']", "data-drawn"), chart + ": " + await page.TextContentAsync($"figure[data-chart='{chart}']"));
            Assert.True(await page.Locator($"figure[data-chart='{chart}'] svg").CountAsync() > 0, chart + " has no chart");
        }

        Assert.True(await page.Locator("figure[data-chart='survival'] table.at-risk td").CountAsync() > 0);
        Assert.Equal("Network figures (all sites pooled)", await page.InnerTextAsync("#committee-title"));
        Assert.Empty(external);
        Assert.Empty(errors);

        // Suppression: a hidden n never comes with a statistic, and no drawn table shows a count from 1 to 10.
        var rows = page.Locator("[data-table='outcomes.summary'] tr");
        for (var i = 1; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
            if (cells[3] is "suppressed" or "<11")
            {
                Assert.All(cells.Skip(4), c => Assert.Equal("—", c));
            }
        }

        var counts = await page.Locator("[data-table='visits.vital_status'] td.num").AllTextContentsAsync();
        Assert.DoesNotContain(counts, c => int.TryParse(c, out var n) && n is > 0 and < 11);

    }

    [Fact]
    public async Task Dashboard_SiteKey_HeadedAsTheSiteWithNetworkBeside()
    {
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_registry.Host.BaseAddress, "/").ToString());
        await page.FillAsync("#key", _registry.Host.Credentials.Sites["S02"]);
        await page.ClickAsync("#signin-form button");
        await page.WaitForSelectorAsync("body[data-ready='true']");

        Assert.Equal("Site S02: its figures next to the network's", await page.InnerTextAsync("#committee-title"));
        Assert.DoesNotContain("Pooled registry", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("figure[data-chart='compliance']").CountAsync());
        var views = await page.Locator("[data-table='enrollment.summary'] tr td:first-child").AllTextContentsAsync();
        Assert.Equal(["own", "network"], views);
    }
}
