using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// Twenty sites upload three small batches each through the API at the same time, while
/// readers call the API continuously with each site's key: every batch completes, each site
/// ends with exactly its own batches, records and receipts, and no reader meets a throttling
/// or server error. Prints batches per minute and the readers' p95 for the README.
/// </summary>
[Collection(ReliabilityCollections.Name)]
[Trait("Category", ReliabilityCollections.Category)]
public sealed class LoadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Sites = 20;

    private const int BatchesPerSite = 3;

    private const int PatientsPerBatch = 2;

    private const int Readers = 4;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TwentySitesUploadingAtOnce_WhileTheApiIsRead_EveryBatchCompletesAloneAndNoReaderSeesAServerError()
    {
        var codes = Enumerable.Range(1, Sites).Select(i => $"S{i:D2}").ToArray();
        using var registry = TestRegistry.Create(codes);
        await using var run = await LocalHostRun.StartAsync(azurite, registry);
        var batches = codes.ToDictionary(site => site, site => Enumerable.Range(1, BatchesPerSite).Select(n => ReliabilityBatches.For(site, n, PatientsPerBatch)).ToList());
        using var http = new HttpClient { BaseAddress = run.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        var keys = run.Host.Credentials.Sites;
        var latencies = new LatencyRecorder();

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers).Select(r => ReadContinuouslyAsync(http, codes, keys, r, latencies, stop.Token)).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(codes.Select(site => UploadInTurnAsync(http, keys[site], batches[site])));
        var uploaded = clock.Elapsed;
        foreach (var batch in batches.Values.SelectMany(b => b))
        {
            await WaitForCompletedAsync(run, batch);
        }

        var processed = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var total = Sites * BatchesPerSite;
        var perMinute = total / processed.TotalMinutes;
        var p50 = latencies.PercentileMilliseconds(50);
        var p95 = latencies.PercentileMilliseconds(95);
        output.WriteLine(
            $"{total} batches ({Sites} sites x {BatchesPerSite}, {PatientsPerBatch} patients each) uploaded in {uploaded.TotalSeconds:F1} s, " +
            $"all completed after {processed.TotalSeconds:F1} s: {perMinute:F1} batches/min; " +
            $"{latencies.Requests.Count} API reads by {Readers} readers during the load: p50 {p50:F0} ms, p95 {p95:F0} ms, max {latencies.Requests.Max(r => r.Elapsed.TotalMilliseconds):F0} ms " +
            $"({Environment.ProcessorCount} cores, shared with the rest of the suite).");

        // No reader met throttling, a server error or a refusal of its own key.
        Assert.NotEmpty(latencies.Requests);
        var failed = latencies.Requests.Where(r => r.Status != HttpStatusCode.OK).ToList();
        Assert.True(failed.Count == 0, "API reads that failed: " + string.Join(", ", failed.Take(20).Select(f => $"{f.Route} {(int)f.Status}")));

        // Each site holds exactly its own batches, records and receipts: what it would hold alone.
        var records = run.Host.Services.GetRequiredService<IRecordStore>();
        foreach (var site in codes)
        {
            var entries = new List<BatchLedgerEntry>();
            await foreach (var entry in run.Ledger.ListAsync(site))
            {
                entries.Add(entry);
            }

            Assert.Equal(batches[site].Select(b => b.Key.Value).Order(StringComparer.Ordinal), entries.Select(e => e.BatchKey).Order(StringComparer.Ordinal));
            foreach (var batch in batches[site])
            {
                var entry = entries.Single(e => e.BatchKey == batch.Key.Value);
                Assert.Equal((BatchStatus.Completed, BatchDecision.Accepted), (entry.Status, entry.Decision));
                Assert.Equal(new StoreCounts(batch.Rows.Count, 0, 0, 0), entry.Stored);
                Assert.NotNull(await run.Landing.GetAsync(site, LandingArea.Reports, BatchBlobNames.Receipt(batch.Key.Value)));
            }

            var stored = new List<string>();
            await foreach (var record in records.ReadSiteAsync(site))
            {
                stored.Add(record.StudyId + "/" + record.RecordKey);
            }

            Assert.Equal(
                batches[site].SelectMany(b => b.Rows).Select(r => r["study_id"] + "/" + (r["record_type"] == "enrollment" ? "enrollment" : r["time_point"])).Order(StringComparer.Ordinal),
                stored.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>A site uploads its batches one after another, as a data manager does.</summary>
    private static async Task UploadInTurnAsync(HttpClient http, string key, IReadOnlyList<Batch> batches)
    {
        foreach (var batch in batches)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{batch.Site}/uploads?name={batch.FileName}")
            {
                Content = new ByteArrayContent(batch.Bytes),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"Upload of {batch.Site}/{batch.FileName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Reads a site's batches, aggregates and statistics with its own key, site after site, until stopped.</summary>
    private static async Task ReadContinuouslyAsync(HttpClient http, string[] sites, IReadOnlyDictionary<string, string> keys, int offset, LatencyRecorder latencies, CancellationToken stop)
    {
        for (var i = offset; !stop.IsCancellationRequested; i++)
        {
            var site = sites[i % sites.Length];
            foreach (var route in new[] { $"/api/sites/{site}/batches", $"/api/aggregates/{site}", $"/api/statistics/{site}" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, route);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys[site]);
                var timer = Stopwatch.StartNew();
                using var response = await http.SendAsync(request, CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                latencies.Add(route, response.StatusCode, timer.Elapsed);
            }
        }
    }

    private static async Task WaitForCompletedAsync(LocalHostRun run, Batch batch) =>
        await Eventually.GetAsync(
            () => run.Ledger.GetAsync(batch.Site, batch.Key.Value),
            entry => entry is { Status: BatchStatus.Completed or BatchStatus.Failed },
            Timeout,
            $"batch {batch.Key} to complete");
}
