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
    private HeadlessChromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Dashboard_CommitteeLink_ShowsPooledFiguresWithSuppression()
    {
        var page = await _chromium.Browser.NewPageAsync();
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
        var page = await _chromium.Browser.NewPageAsync();
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
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_registry.Host.BaseAddress, "/").ToString());
        await page.FillAsync("#key", "not-a-key");
        await page.ClickAsync("#signin-form button");

        await page.WaitForSelectorAsync("#signin-error:has-text('Sign-in failed')");
        Assert.True(await page.Locator("#aggregates").IsHiddenAsync());
    }

    [Fact]
    public async Task Dashboard_SiteView_UploadShowsLiveStatusThenTheReportAndItsCsv()
    {
        const string Header = "record_type,study_id,age_at_index,sex,index_date,index_treatment,surgery_type,primary_tumour,index_level,spinal_mets_count,extraspinal_mets_count,visceral_mets,sins_pain,sins_bone_lesion,sins_alignment,sins_collapse,sins_posterolateral,bilsky_grade,ecog,asia_grade,ambulatory_status,nrs_pain";
        var batchId = "dashboard-" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Path.GetTempPath(), batchId + ".csv");
        await File.WriteAllTextAsync(file, Header + "\n"
            + "enrollment,S05-9001,64,female,2026-01-10,surgery,decompression_stabilisation,lung,T8,2,1,none,mechanical,lytic,normal,under_50,unilateral,1b,1,D,assisted,6\n"
            + "enrollment,S05-9002,71,x,2026-01-12,radiotherapy,,breast,L2,1,0,none,mechanical,blastic,normal,none,none,0,2,E,independent,4\n");
        try
        {
            var page = await _chromium.Browser.NewPageAsync();
            await page.GotoAsync(new Uri(_registry.Host.BaseAddress, "/#key=" + Uri.EscapeDataString(_registry.Host.Credentials.Sites["S05"]) + "&site=S05&view=reminders").ToString());
            await page.WaitForSelectorAsync("#site-upload[data-ready='true']");
            Assert.True(await page.Locator("#reminders").IsVisibleAsync());
            Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);

            await page.SetInputFilesAsync("#upload-file", file);
            await page.ClickAsync("#upload-button");
            await page.WaitForSelectorAsync("#upload-status:has-text('Uploaded')");

            // Live status: the new batch appears in the list and reaches Completed without a reload.
            var row = $"table[data-site='S05'] tr:has-text('{batchId}')";
            await page.WaitForSelectorAsync($"{row} td.status-Completed", new PageWaitForSelectorOptions { Timeout = 120_000 });
            Assert.Contains("partially_accepted", await page.InnerTextAsync(row), StringComparison.Ordinal);

            await page.ClickAsync($"{row} button[data-name='validation.json']");
            await page.WaitForSelectorAsync("#report:not([hidden])");
            Assert.Contains("Decision: partially_accepted.", await page.InnerTextAsync("#report-summary"), StringComparison.Ordinal);
            var problem = page.Locator("#report-problems tr", new PageLocatorOptions { HasText = "S05-9002" });
            Assert.Contains("sex", await problem.First.InnerTextAsync(), StringComparison.Ordinal);

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-csv"));
            var saved = Path.Combine(Path.GetTempPath(), batchId + "-validation.csv");
            await download.SaveAsAsync(saved);
            var csv = await File.ReadAllTextAsync(saved);
            File.Delete(saved);
            Assert.StartsWith("row,field,code,severity,study_id,message", csv, StringComparison.Ordinal);
            Assert.Contains("S05-9002", csv, StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "spinemets-dashboard-site.png"), FullPage = true });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
