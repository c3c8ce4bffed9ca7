using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Synthetic;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>An upload goes all the way: ledger, records with scores, reports, raw copy, aggregates.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompletedBatchTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task LocalHost_HandWrittenBatchUploaded_IsCompletedWithExactCountsScoresReportsRawCopyAndAggregates()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        await using var run = await LocalHostRun.StartAsync(azurite, registry);
        var batch = SiteBatches.First();

        await run.UploadAsync(batch);
        var entry = await run.WaitForIngestAsync(batch, Timeout);

        // The ledger: every stage in order, and the counts of five valid records, one of which
        // (S01-0003, row 5) lacks the recommended SINS: a warning, and still stored.
        Assert.Equal(BatchStatus.Completed, entry.Status);
        Assert.Equal(BatchDecision.Accepted, entry.Decision);
        Assert.Equal(batch.Sha256, entry.Sha256);
        Assert.Equal(batch.FileName, entry.FileName);
        var problems = System.Text.Encoding.UTF8.GetString(await ReadAsync(run.Landing, batch.Site, LandingArea.Reports, BatchBlobNames.ValidationReportCsv(batch.Key.Value)));
        Assert.True(
            new ValidationCounts(Records: 5, Accepted: 5, Rejected: 0, Errors: 0, Warnings: 1, IdentifierFindings: 0) == entry.Validation,
            $"Validation counts {entry.Validation}; the report:\n{problems}");
        Assert.Contains("5,sins_pain,missing_recommended,warning,S01-0003,", problems, StringComparison.Ordinal);
        Assert.Equal(new StoreCounts(Inserted: 5, Updated: 0, Unchanged: 0, Withdrawn: 0), entry.Stored);
        var history = await run.Ledger.HistoryAsync(batch.Site, batch.Key.Value);
        Assert.Equal(
            [BatchStatus.Received, BatchStatus.Validated, BatchStatus.Stored, BatchStatus.Aggregated, BatchStatus.Scheduled, BatchStatus.Completed],
            history.Select(h => h.Status));

        // The records, with their derived scores and provenance.
        var records = run.Host.Services.GetRequiredService<IRecordStore>();
        var first = await records.GetAsync(batch.Site, new RecordId("S01-0001", "enrollment"));
        Assert.NotNull(first);
        Assert.Equal(1, first.Version);
        Assert.Equal(batch.Key.Value, first.SourceBatchKey);
        Assert.Equal(entry.DictionaryVersion, first.DictionaryVersion);
        Assert.Equal("breast", first.Values["primary_tumour"]);

        var sins = first.Scores.Single(s => s.Name == "sins_total");
        Assert.Equal((11m, "potentially_unstable", "SINS", "2010"), (sins.Value, sins.Category, sins.Instrument, sins.InstrumentVersion));
        Assert.Equal(ClinicalOracle.SinsTotal(SiteBatches.FirstEnrollment), (int?)sins.Value);

        // EQ-5D-5L 21354 is 0.090 in the USA value set (Pickard 2019), which the registry file configures.
        var eq5d = first.Scores.Single(s => s.Name == "eq5d_index");
        Assert.Equal((0.090m, "EQ-5D-5L", "5L"), (eq5d.Value, eq5d.Instrument, eq5d.InstrumentVersion));
        Assert.Contains(TestRegistry.Eq5d5LValueSet, eq5d.Definition, StringComparison.Ordinal);

        var sosgoq = first.Scores.Single(s => s.Name == "sosgoq_total");
        Assert.Equal((75.00m, "SOSGOQ", "2.0"), (sosgoq.Value, sosgoq.Instrument, sosgoq.InstrumentVersion));

        var second = await records.GetAsync(batch.Site, new RecordId("S01-0002", "enrollment"));
        Assert.NotNull(second);
        Assert.Equal((6m, "stable"), (second.Scores.Single(s => s.Name == "sins_total").Value, second.Scores.Single(s => s.Name == "sins_total").Category));
        Assert.Equal(0.904m, second.Scores.Single(s => s.Name == "eq5d_index").Value);
        Assert.Equal(50.00m, second.Scores.Single(s => s.Name == "sosgoq_total").Value);

        var visit = await records.GetAsync(batch.Site, new RecordId("S01-0001", "6w"));
        Assert.NotNull(visit);
        Assert.Equal(1.000m, visit.Scores.Single(s => s.Name == "eq5d_index").Value);
        var siteRecords = await ToListAsync(records.ReadSiteAsync(batch.Site));
        Assert.Equal(5, siteRecords.Count);

        // The site's reports: the receipt and the validation report, and nothing left in incoming/.
        var landing = run.Landing;
        using (var receipt = JsonDocument.Parse(await ReadAsync(landing, batch.Site, LandingArea.Reports, BatchBlobNames.Receipt(batch.Key.Value))))
        {
            var root = receipt.RootElement;
            Assert.Equal(batch.Key.Value, root.GetProperty("batchKey").GetString());
            Assert.Equal(batch.Sha256, root.GetProperty("sha256").GetString());
            Assert.Equal("accepted", root.GetProperty("decision").GetString());
            Assert.Equal(5, root.GetProperty("stored").GetProperty("inserted").GetInt32());
            Assert.Equal(TestRegistry.Eq5d5LValueSet, root.GetProperty("valueSets").GetProperty("eq5d5L").GetString());
        }

        var report = await ReadAsync(landing, batch.Site, LandingArea.Reports, BatchBlobNames.ValidationReportJson(batch.Key.Value));
        Assert.Contains(batch.Sha256, System.Text.Encoding.UTF8.GetString(report), StringComparison.Ordinal);
        Assert.NotNull(await landing.GetAsync(batch.Site, LandingArea.Reports, BatchBlobNames.ValidationReportCsv(batch.Key.Value)));
        Assert.Empty(await ToListAsync(landing.ListAsync(batch.Site, LandingArea.Incoming)));

        // The raw copy, content-addressed in the central area; nothing left in intake or staging.
        var snapshot = await StorageSnapshot.ReadAsync(run.Storage);
        Assert.Equal([BatchBlobNames.Content(batch.Site, batch.Sha256)], snapshot.BlobNames("raw"));
        Assert.Equal(batch.Bytes, snapshot.Blobs["raw | " + BatchBlobNames.Content(batch.Site, batch.Sha256)].Bytes);
        Assert.Empty(snapshot.BlobNames("intake"));
        Assert.Empty(snapshot.BlobNames("staging"));
        Assert.Empty(snapshot.BlobNames("quarantine"));

        // The aggregates of the site and of the pool equal what the rows give.
        var expected = ExpectedAggregates.From(batch.Rows);
        var aggregates = run.Host.Services.GetRequiredService<IAggregateStore>();
        await expected.AssertStoredAsync(aggregates, AggregateScopes.Site(batch.Site));
        await expected.AssertStoredAsync(aggregates, AggregateScopes.Pooled);
    }

    [Fact]
    public async Task Upload_GeneratedCohort_IsCompletedWithEveryRowStoredScoredAndAggregated()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = await PipelineHost.StartAsync(StorageNamespace.Create(azurite), registry, clock);
        var rows = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = "S02",
            Patients = 40,
            AsOf = new DateOnly(2026, 10, 31),
            Seed = 20261102,
        }).ToList();
        var batch = Batch.Csv("S02", "generated-cohort.csv", rows);

        var outcome = await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes);

        Assert.Equal(IngestStartStatus.Started, outcome.Outcome);
        var entry = await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value);
        Assert.NotNull(entry);
        Assert.Equal(BatchStatus.Completed, entry.Status);
        Assert.Equal(BatchDecision.Accepted, entry.Decision);
        Assert.Equal(rows.Count, entry.Validation!.Records);
        Assert.Equal(rows.Count, entry.Validation.Accepted);
        Assert.Equal((0, 0, 0), (entry.Validation.Rejected, entry.Validation.Errors, entry.Validation.IdentifierFindings));
        Assert.Equal(new StoreCounts(rows.Count, 0, 0, 0), entry.Stored);

        // Every stored record carries the scores the published definitions give for its row.
        var stored = await ToListAsync(host.Get<IRecordStore>().ReadSiteAsync(batch.Site));
        Assert.Equal(rows.Count, stored.Count);
        Assert.Equal(40, stored.Count(r => r.RecordKey == "enrollment"));
        var byId = stored.ToDictionary(r => (r.StudyId, r.RecordKey));
        foreach (var row in rows)
        {
            var record = byId[(row.StudyId(), row.IsEnrollment() ? "enrollment" : row.Value("time_point")!)];
            Assert.Equal(ClinicalOracle.Eq5d5LIndexUsa(row), ScoreOf(record, "eq5d_index"));
            Assert.Equal(ClinicalOracle.SosgoqTotal(row), ScoreOf(record, "sosgoq_total"));
            if (row.IsEnrollment())
            {
                var sins = ClinicalOracle.SinsTotal(row);
                Assert.Equal(sins, (int?)ScoreOf(record, "sins_total"));
                Assert.Equal(sins is { } total ? ClinicalOracle.SinsCategory(total) : null, record.Scores.Single(s => s.Name == "sins_total").Category);
            }
        }

        var expected = ExpectedAggregates.From(rows);
        await expected.AssertStoredAsync(host.Get<IAggregateStore>(), AggregateScopes.Site(batch.Site));
        await expected.AssertStoredAsync(host.Get<IAggregateStore>(), AggregateScopes.Pooled);
    }

    private static decimal? ScoreOf(StoredRecord record, string name) => record.Scores.SingleOrDefault(s => s.Name == name)?.Value;

    private static async Task<byte[]> ReadAsync(ILandingBlobs landing, string site, LandingArea area, string name)
    {
        await using var stream = await landing.OpenReadAsync(site, area, name);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
