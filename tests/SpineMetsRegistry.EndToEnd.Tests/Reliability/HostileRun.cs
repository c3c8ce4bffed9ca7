using System.Net.Http.Headers;
using System.Security.Cryptography;
using Azure.Storage.Queues;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// One local registry on Azurite (the local host as the command line starts it: watcher, queue,
/// Durable Task engine, HTTP API) that first accepts a batch of each site, is dumped, then gets
/// every hostile upload at once, is dumped again, and is then read through the API by each role
/// (and refused to the wrong credentials), swept, and dumped a last time. The tests assert on
/// what this one run left; it runs once for all of them, so the files are uploaded once.
/// </summary>
internal sealed class HostileRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private static readonly Lock Gate = new();
    private static Task<HostileRun>? _run;

    private HostileRun()
    {
    }

    public IReadOnlyList<BatchLedgerEntry> Accepted { get; private set; } = [];

    public StorageSnapshot Before { get; private set; } = null!;

    public StorageSnapshot After { get; private set; } = null!;

    public StorageSnapshot Final { get; private set; } = null!;

    /// <summary>The ledger entry of each ingested upload.</summary>
    public IReadOnlyDictionary<HostileUpload, BatchLedgerEntry> Entries { get; private set; } = null!;

    /// <summary>Each not-processed upload's report (the JSON the site reads).</summary>
    public IReadOnlyDictionary<HostileUpload, string> NotProcessedReports { get; private set; } = null!;

    /// <summary>Every API answer of the run: "GET /api/... as role: status", body.</summary>
    public IReadOnlyList<(string Request, int Status, string Body)> Answers { get; private set; } = [];

    /// <summary>The refused calls: the credential's kind, the status, and the credential sent (to prove it is never stored).</summary>
    public IReadOnlyList<(string Kind, int Status, string? Presented)> Refusals { get; private set; } = [];

    public IReadOnlyList<string> LogLines { get; private set; } = [];

    public IReadOnlyList<string> QueueMessages { get; private set; } = [];

    public TimeSpan Duration { get; private set; }

    /// <summary>The run, started by the first test that asks (a failed run fails every test once, and is not repeated).</summary>
    public static Task<HostileRun> GetAsync(AzuriteFixture azurite)
    {
        lock (Gate)
        {
            return _run ??= RunAsync(azurite);
        }
    }

    /// <summary>The batch a processed upload became (site, batch ID, content hash).</summary>
    public static Batch BatchOf(HostileUpload upload) => new(upload.Site, upload.BlobName, [], upload.Bytes);

    /// <summary>The name of a not-processed report, as the starter makes the upload's name safe.</summary>
    public static string NotProcessedReportName(HostileUpload upload) =>
        "not-processed/" + string.Concat(upload.BlobName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".json";

    public static string Sha256(HostileUpload upload) => Convert.ToHexStringLower(SHA256.HashData(upload.Bytes));

    private static async Task<HostileRun> RunAsync(AzuriteFixture azurite)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = new HostileRun();
        using var registry = TestRegistry.Create("S01", "S02");
        await using var run = await LocalHostRun.StartAsync(azurite, registry);

        var accepted = new[] { new Batch("S01", "accepted-s01.csv", [], HostileUploads.AcceptedS01), new Batch("S02", "accepted-s02.csv", [], HostileUploads.AcceptedS02) };
        foreach (var batch in accepted)
        {
            await run.UploadAsync(batch);
        }

        result.Accepted = [await run.WaitForIngestAsync(accepted[0], Timeout), await run.WaitForIngestAsync(accepted[1], Timeout)];
        result.Before = await StorageSnapshot.ReadAsync(run.Storage);

        foreach (var upload in HostileUploads.All)
        {
            using var content = new MemoryStream(upload.Bytes);
            await run.Landing.WriteAsync(upload.Site, LandingArea.Incoming, upload.BlobName, content, "application/octet-stream");
        }

        var entries = new Dictionary<HostileUpload, BatchLedgerEntry>();
        var notProcessed = new Dictionary<HostileUpload, string>();
        foreach (var upload in HostileUploads.All)
        {
            switch (upload.Outcome)
            {
                case HostileOutcome.Validated or HostileOutcome.Quarantined or HostileOutcome.Refused:
                    entries[upload] = await run.WaitForIngestAsync(BatchOf(upload), Timeout);
                    break;
                case HostileOutcome.NotProcessed:
                    notProcessed[upload] = await WaitForReportAsync(run, upload);
                    break;
            }
        }

        result.Entries = entries;
        result.NotProcessedReports = notProcessed;
        result.After = await StorageSnapshot.ReadAsync(run.Storage);

        await result.CallTheApiAsync(run, entries.Keys);
        result.Final = await StorageSnapshot.ReadAsync(run.Storage);
        result.QueueMessages = [.. await PeekAsync(run.Storage.Clients().IngestQueue), .. await PeekAsync(run.Storage.Clients().IngestPoisonQueue)];
        result.LogLines = run.Logs.Lines;
        result.Duration = clock.Elapsed;
        return result;
    }

    private static async Task<string> WaitForReportAsync(LocalHostRun run, HostileUpload upload)
    {
        var name = NotProcessedReportName(upload);
        await Eventually.GetAsync(() => run.Landing.GetAsync(upload.Site, LandingArea.Reports, name), blob => blob is not null, Timeout, $"the not-processed report of {upload}");
        await using var stream = await run.Landing.OpenReadAsync(upload.Site, LandingArea.Reports, name);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    // Every read a site, the committee and an operator make, then the refused ones.
    private async Task CallTheApiAsync(LocalHostRun run, IEnumerable<HostileUpload> ingested)
    {
        var credentials = run.Host.Credentials;
        var answers = new List<(string, int, string)>();
        async Task Call(string role, string? key, HttpMethod method, string path)
        {
            using var client = Client(run, key is null ? null : new AuthenticationHeaderValue("Bearer", key));
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            answers.Add(($"{method} {path} as {role}", (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        var site = credentials.Sites["S01"];
        await Call("site S01", site, HttpMethod.Get, "/api/sites/S01/batches");
        foreach (var upload in ingested.Where(u => u.Site == "S01"))
        {
            var key = Uri.EscapeDataString(BatchOf(upload).Key.Value);
            await Call("site S01", site, HttpMethod.Get, $"/api/sites/S01/batches/{key}");
            foreach (var report in new[] { "validation.json", "validation.csv", "receipt.json" })
            {
                await Call("site S01", site, HttpMethod.Get, $"/api/sites/S01/batches/{key}/reports/{report}");
            }
        }

        await Call("site S01", site, HttpMethod.Get, "/api/aggregates/site:S01");
        await Call("site S01", site, HttpMethod.Get, "/api/statistics/S01");
        await Call("operator", credentials.Operator, HttpMethod.Post, "/api/operations/sweep");
        await Call("site S01", site, HttpMethod.Get, "/api/sites/S01/reminders");
        await Call("committee", credentials.Committee, HttpMethod.Get, "/api/aggregates/pooled");
        await Call("committee", credentials.Committee, HttpMethod.Get, "/api/statistics/pooled");
        await Call("committee", credentials.Committee, HttpMethod.Get, "/api/committee/digest");
        await Call("site S01", site, HttpMethod.Get, "/api/me");

        const string Forged = "forged-key-0123456789abcdefABCDEF";
        var refusals = new List<(string, int, string?)>();
        foreach (var (kind, header) in new (string, AuthenticationHeaderValue?)[]
        {
            ("missing", null),
            ("malformed", new AuthenticationHeaderValue("Basic", "czAxOnBhc3N3b3Jk")),
            ("forged", new AuthenticationHeaderValue("Bearer", Forged)),
            ("other site", new AuthenticationHeaderValue("Bearer", credentials.Sites["S02"])),
        })
        {
            using var client = Client(run, header);
            using var response = await client.GetAsync("/api/sites/S01/batches");
            refusals.Add((kind, (int)response.StatusCode, header?.Parameter));
            answers.Add(($"GET /api/sites/S01/batches with a {kind} credential", (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Answers = answers;
        Refusals = refusals;
    }

    private static HttpClient Client(LocalHostRun run, AuthenticationHeaderValue? authorization)
    {
        var client = new HttpClient { BaseAddress = run.Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    private static async Task<List<string>> PeekAsync(QueueClient queue)
    {
        var messages = await queue.PeekMessagesAsync(maxMessages: 32);
        return [.. messages.Value.Select(m => m.Body.ToString())];
    }
}
