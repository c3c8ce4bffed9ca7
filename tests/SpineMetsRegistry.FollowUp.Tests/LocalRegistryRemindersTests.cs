using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Cli;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>
/// The whole path on the local registry: a site uploads old enrollments, the real ingest
/// plans their visits and marks them for review, the sweep run through the operations API
/// tells the site, and the site's CLI shows its reminders (and says why when it cannot).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalRegistryRemindersTests(AzuriteFixture azurite) : IDisposable
{
    private const string Header =
        "record_type,study_id,age_at_index,sex,index_date,index_treatment,surgery_type,primary_tumour,index_level,spinal_mets_count,extraspinal_mets_count,visceral_mets,sins_pain,sins_bone_lesion,sins_alignment,sins_collapse,sins_posterolateral,bilsky_grade,ecog,asia_grade,ambulatory_status,nrs_pain";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spinemets-followup-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task UploadSweepAndCli_OldEnrollments_SiteSeesItsRemindersAndOnlyItsOwn()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The operator endpoint refuses future days, so the first sweep covers yesterday and
        // the one after the upload covers today.
        var first = await PostSweepAsync(http, host.Credentials.Operator, today.AddDays(-1));
        Assert.Equal("wholeSchedule", first.GetProperty("mode").GetString());

        await UploadAsync(host, "S01", "old-enrollments.csv",
            Enrollment("S01-0001", today.AddDays(-100)) + Enrollment("S01-0002", today.AddDays(-30)));
        await WaitForIngestAsync(host, "S01");

        // The index days of these visits are all in the past: only the ingest's review entries
        // for today and tomorrow bring them to a sweep.
        var next = await PostSweepAsync(http, host.Credentials.Operator, today);
        Assert.Equal("dateIndex", next.GetProperty("mode").GetString());
        Assert.Equal(3, next.GetProperty("newNotices").GetInt32());
        var digest = await ReadDigestAsync(host, "S01", today);
        Assert.Equal(["S01-0001 12w Overdue", "S01-0001 6w Missed", "S01-0002 6w Due"], digest.Reminders.Select(r => $"{r.StudyId} {r.TimePoint} {r.State}").Order());

        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = await CliAsync("reminders", "--site", "S01", "--date", date, "--api", host.BaseAddress.ToString(), "--key", host.Credentials.Sites["S01"]);
        Assert.Equal(0, text.ExitCode);
        Assert.Equal(string.Empty, text.Error);
        Assert.StartsWith($"Follow-up reminders for site S01 as of {date}: 1 missed, 1 overdue, 1 due, 0 upcoming", text.Output, StringComparison.Ordinal);
        var rows = text.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("missed    S01-0001     6w          2", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("overdue   S01-0001     12w         2", rows[1], StringComparison.Ordinal);
        Assert.Contains("days past target", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("due       S01-0002     6w          2", rows[2], StringComparison.Ordinal);

        var json = await CliAsync("reminders", "--site", "s01", "--date", date, "--json", "--api", host.BaseAddress.ToString(), "--key", host.Credentials.Sites["S01"]);
        Assert.Equal(0, json.ExitCode);
        var parsed = ReminderDigestFormats.FromJson(Encoding.UTF8.GetBytes(json.Output));
        Assert.Equal(3, parsed.Reminders.Count);
        Assert.Equal(today, parsed.Date);

        var wrongKey = await CliAsync("reminders", "--site", "S01", "--api", host.BaseAddress.ToString(), "--key", "not-a-key");
        Assert.Equal(SpineMetsCommandLine.Unavailable, wrongKey.ExitCode);
        Assert.Contains("401", wrongKey.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, wrongKey.Output);

        var otherSite = await CliAsync("reminders", "--site", "S01", "--api", host.BaseAddress.ToString(), "--key", host.Credentials.Sites["S02"]);
        Assert.Equal(SpineMetsCommandLine.Unavailable, otherSite.ExitCode);
        Assert.Contains("403", otherSite.Error, StringComparison.Ordinal);

        var s02 = await CliAsync("reminders", "--site", "S02", "--date", date, "--api", host.BaseAddress.ToString(), "--key", host.Credentials.Sites["S02"]);
        Assert.Equal(0, s02.ExitCode);
        Assert.StartsWith($"No follow-up reminders for site S02 as of {date}", s02.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpRoutes_RolesAndCommitteeDigest_AsTheLocalHostServesThem()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(http, HttpMethod.Get, "/api/committee/digest", host.Credentials.Committee)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, HttpMethod.Post, "/api/operations/sweep", host.Credentials.Sites["S01"])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Post, "/api/operations/sweep", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(http, HttpMethod.Post, "/api/operations/sweep?asOf=tomorrow", host.Credentials.Operator)).StatusCode);

        var swept = await SendAsync(http, HttpMethod.Post, "/api/operations/sweep", host.Credentials.Operator);
        Assert.Equal(HttpStatusCode.OK, swept.StatusCode);
        using (var body = JsonDocument.Parse(await swept.Content.ReadAsStringAsync()))
        {
            Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body.RootElement.GetProperty("asOf").GetString());
        }

        var digest = await SendAsync(http, HttpMethod.Get, "/api/committee/digest", host.Credentials.Committee);
        Assert.Equal(HttpStatusCode.OK, digest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, HttpMethod.Get, "/api/committee/digest", host.Credentials.Sites["S02"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/api/sites/S02/reminders", host.Credentials.Sites["S02"])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, HttpMethod.Get, "/api/sites/S02/reminders", host.Credentials.Committee)).StatusCode);
    }

    private async Task<LocalRegistryHost> StartAsync()
    {
        Directory.CreateDirectory(_folder);
        var config = Path.Combine(_folder, "registry.json");
        await File.WriteAllTextAsync(config, """
            {
              "registryName": "spinemets",
              "sites": [
                { "code": "S01", "displayName": "Site 01", "studyIdPattern": "^S01-[0-9]{4}$" },
                { "code": "S02", "displayName": "Site 02", "studyIdPattern": "^S02-[0-9]{4}$" }
              ]
            }
            """);
        var settings = new LocalHostSettings
        {
            Port = 0,
            StorageConnectionString = azurite.ConnectionString,
            StateDirectory = Path.Combine(_folder, "state"),
            ScheduleDailySweep = false,
            WatchInterval = TimeSpan.FromMilliseconds(200),
            RegistryConfigurationFile = config,
        };
        return await LocalRegistryHost.StartAsync(settings,
        [
            "--Registry:Storage:TablePrefix=" + StorageNames.Table("e"),
            "--Registry:Storage:ContainerPrefix=" + StorageNames.Container("e") + "-",
            "--Logging:LogLevel:Default=Warning",
        ]);
    }

    private static string Enrollment(string studyId, DateOnly indexDate) =>
        $"enrollment,{studyId},64,female,{indexDate:yyyy-MM-dd},surgery,decompression_stabilisation,lung,T8,2,1,none,mechanical,lytic,normal,under_50,unilateral,1b,1,D,assisted,6\n";

    private static async Task UploadAsync(LocalRegistryHost host, string site, string name, string rows)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n" + rows));
        await host.Services.GetRequiredService<ILandingBlobs>().WriteAsync(site, LandingArea.Incoming, name, content, "text/csv");
    }

    private static async Task WaitForIngestAsync(LocalRegistryHost host, string site)
    {
        var ledger = host.Services.GetRequiredService<IBatchLedger>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var entries = new List<BatchLedgerEntry>();
            await foreach (var entry in ledger.ListAsync(site))
            {
                entries.Add(entry);
            }

            if (entries.Count > 0 && entries.All(e => e.Status is BatchStatus.Completed or BatchStatus.Failed))
            {
                Assert.All(entries, e => Assert.Equal(BatchStatus.Completed, e.Status));
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The upload was not ingested within 90 s.");
            await Task.Delay(200);
        }
    }

    private static async Task<ReminderDigest> ReadDigestAsync(LocalRegistryHost host, string site, DateOnly day)
    {
        var landing = host.Services.GetRequiredService<ILandingBlobs>();
        await using var stream = await landing.OpenReadAsync(site, LandingArea.Reminders, $"{day:yyyy-MM-dd}.json");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return ReminderDigestFormats.FromJson(buffer.ToArray());
    }

    private static async Task<JsonElement> PostSweepAsync(HttpClient http, string key, DateOnly asOf)
    {
        using var response = await SendAsync(http, HttpMethod.Post, $"/api/operations/sweep?asOf={asOf:yyyy-MM-dd}", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? key)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await http.SendAsync(request);
    }

    private static async Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SpineMetsCommandLine.InvokeAsync(args, output, error, TextReader.Null);
        return (exitCode, output.ToString(), error.ToString());
    }
}
