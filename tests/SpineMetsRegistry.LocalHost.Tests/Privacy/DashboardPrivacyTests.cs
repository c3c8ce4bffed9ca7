using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using SpineMetsRegistry.EndToEnd.Tests.Reliability;

namespace SpineMetsRegistry.LocalHost.Tests.Privacy;

/// <summary>
/// The dashboard's page text after batches carrying the planted identifiers (cells of the
/// de-identification corpus) were uploaded: a quarantined one, one held for an unknown column and
/// one held for a duplicated column. The site's view (its batch list and each batch's report) and
/// the committee's view, as a browser renders them, show not one of the identifiers (issue 16,
/// "Privacy": the dashboard screenshot's text).
/// </summary>
[Collection(DemoRegistryFixture.Collection)]
[Trait("Category", "Reliability")]
public sealed class DashboardPrivacyTests(DemoRegistryFixture fixture) : IAsyncLifetime
{
    private const string Site = "S04";

    private readonly RunningRegistry _registry = fixture.Registry;
    private HeadlessChromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Dashboard_BatchesWithPlantedIdentifiers_PageTextShowsNoneOfThem()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var batches = new Dictionary<string, string>
        {
            ["planted-free-text-" + suffix] = Csv("record_type,study_id,time_point,visit_date,vital_status,complication_text", 100, c => $"followup,{{0}},6w,2026-02-21,alive,{c}"),
            ["planted-unknown-column-" + suffix] = Csv("record_type,study_id,time_point,visit_date,vital_status,contact_note", 200, c => $"followup,{{0}},6w,2026-02-21,alive,{c}"),
            ["planted-duplicate-column-" + suffix] = Csv("record_type,study_id,record_type,complication_text", 300, c => $"followup,{{0}},followup,{c}"),
        };
        using var client = _registry.Client(_registry.Host.Credentials.Sites[Site]);
        foreach (var (batchId, text) in batches)
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            using var created = await client.PostAsync($"/api/sites/{Site}/uploads?name={batchId}.csv", content);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await WaitUntilCompletedAsync(client, batches.Keys);

        var texts = new List<(string View, string Text)>();
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_registry.Host.BaseAddress, "/#key=" + Uri.EscapeDataString(_registry.Host.Credentials.Sites[Site])).ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        texts.Add(("site view", await page.InnerTextAsync("body")));
        foreach (var batchId in batches.Keys)
        {
            var row = $"table[data-site='{Site}'] tr:has-text('{batchId}')";
            await page.WaitForSelectorAsync(row);
            await page.ClickAsync($"{row} button[data-name='validation.json']");
            await page.WaitForSelectorAsync($"#report:not([hidden])");
            await page.WaitForSelectorAsync("#report-summary:has-text('Decision:')");
            texts.Add(($"report of {batchId}", await page.InnerTextAsync("body")));
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "spinemets-dashboard-privacy.png"), FullPage = true });
        var committee = await _chromium.Browser.NewPageAsync();
        await committee.GotoAsync(_registry.Host.CommitteeDashboard.ToString());
        await committee.WaitForSelectorAsync("body[data-ready='true']");
        texts.Add(("committee view", await committee.InnerTextAsync("body")));

        // The reports are there and name the quarantine, so the pages scanned are the ones that would show a leak.
        Assert.Contains(texts, t => t.Text.Contains("quarantined", StringComparison.Ordinal));
        var found = texts.SelectMany(t => PlantedIdentifiers.All.Where(p => t.Text.Contains(p.Needle, StringComparison.OrdinalIgnoreCase)).Select(p => $"{p.Needle} in the {t.View}")).ToList();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    // One row per planted identifier, each with its own study ID of the site.
    private static string Csv(string header, int firstNumber, Func<string, string> row)
    {
        var text = new StringBuilder(header).Append('\n');
        for (var i = 0; i < PlantedIdentifiers.All.Count; i++)
        {
            var cell = "\"" + PlantedIdentifiers.All[i].Cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            text.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, row(cell), $"{Site}-{firstNumber + i:D4}")).Append('\n');
        }

        return text.ToString();
    }

    private static async Task WaitUntilCompletedAsync(HttpClient client, IEnumerable<string> batchIds)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        var wanted = batchIds.ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/sites/{Site}/batches"));
            var done = list.RootElement.GetProperty("batches").EnumerateArray()
                .Where(b => wanted.Contains(b.GetProperty("batchId").GetString()!) && b.GetProperty("status").GetString() == "Completed")
                .Count();
            if (done == wanted.Count)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{done} of {wanted.Count} planted batches completed in time");
            await Task.Delay(250);
        }
    }
}
