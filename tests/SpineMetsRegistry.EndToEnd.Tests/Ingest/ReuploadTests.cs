using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>An identical re-upload changes nothing, under the same file name or another.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReuploadTests(AzuriteFixture azurite)
{
    private static readonly string[] RecordTables =
    [
        RegistryTables.Enrollments, RegistryTables.Visits, RegistryTables.RecordVersions, RegistryTables.Withdrawals,
        RegistryTables.Schedule, RegistryTables.ScheduleIndex,
    ];

    [Fact]
    public async Task Reupload_SameFileSameBytes_StarterSaysAlreadyCompletedAndOnlyTheAuditGainsTheDuplicate()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        var storage = StorageNamespace.Create(azurite);
        await using var host = await PipelineHost.StartAsync(storage, registry, new FakeTimeProvider(PipelineHost.Now));
        var batch = SiteBatches.First();
        Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes)).Outcome);
        var before = await StorageSnapshot.ReadAsync(storage);

        var again = await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes);

        Assert.Equal(IngestStartStatus.AlreadyCompleted, again.Outcome);
        var after = await StorageSnapshot.ReadAsync(storage);
        var differences = StorageSnapshot.Differences(before, after);

        // Nothing re-ran: the ledger, the records, the workflow's steps, every blob are as they
        // were (the re-uploaded file is gone from incoming/). Only the audit log and its
        // idempotency keys gained the one "duplicate" entry.
        Assert.All(differences, d => Assert.Matches(@"^row (audit|auditkeys) \| .*expected \(none\)", d.ReplaceLineEndings(" ")));
        var added = after.Table(RegistryTables.Audit).Keys.Except(before.Table(RegistryTables.Audit).Keys).ToList();
        Assert.Single(added);
        Assert.Contains("Outcome=String:duplicate;", after.Rows[added[0]], StringComparison.Ordinal);
        Assert.Single(after.Table(RegistryTables.AuditKeys).Keys.Except(before.Table(RegistryTables.AuditKeys).Keys));
        Assert.DoesNotContain(after.BlobNames("site-s01"), name => name.StartsWith("incoming/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reupload_RefusedBytesUnderAnotherNameReceivedBeforeEitherIsValidated_EachValidatesItsOwnCopy()
    {
        // Two uploads of identical bytes run at once: both are received before the first is
        // validated. A refused file's bytes are not kept (no raw copy), and validating lets go of
        // the received copy: each upload must still find its own.
        using var registry = TestRegistry.Create("S01", "S02");
        var storage = StorageNamespace.Create(azurite);
        await using var host = await PipelineHost.StartAsync(storage, registry, new FakeTimeProvider(PipelineHost.Now));
        var batch = SiteBatches.First() with { Bytes = Gzip(SiteBatches.First().Bytes) };
        var renamed = batch.Renamed("2025-12-01-export-again.csv");
        var requests = new List<IngestRequest>();
        foreach (var upload in new[] { batch, renamed })
        {
            var blob = await host.PutIncomingAsync(upload.Site, upload.FileName, upload.Bytes);
            requests.Add(new IngestRequest(blob.Site, blob.Name, blob.ETag, upload.Sha256, blob.SizeBytes));
        }

        foreach (var request in requests)
        {
            await host.Get<ReceiveActivity>().RunAsync(new ReceiveInput(request, PipelineHost.Now));
        }

        var first = await host.Get<ValidateActivity>().RunAsync(new BatchStep(batch.Site, batch.Key.Value, PipelineHost.Now));
        var second = await host.Get<ValidateActivity>().RunAsync(new BatchStep(renamed.Site, renamed.Key.Value, PipelineHost.Now));

        Assert.False(first.StoresRecords);
        Assert.Equal((first.Decision, first.StoresRecords, first.Counts), (second.Decision, second.StoresRecords, second.Counts));
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task Reupload_SameBytesUnderAnotherName_NewLedgerEntryCountsAllUnchangedAndRecordTablesStayIdentical()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        var storage = StorageNamespace.Create(azurite);
        await using var host = await PipelineHost.StartAsync(storage, registry, new FakeTimeProvider(PipelineHost.Now));
        var batch = SiteBatches.First();
        await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes);
        var before = await StorageSnapshot.ReadAsync(storage);
        var aggregatesBefore = await AggregateJsonAsync(host.Get<IAggregateStore>(), registry.Sites);

        var renamed = batch.Renamed("2025-12-01-export-again.csv");
        var outcome = await host.UploadAsync(renamed.Site, renamed.FileName, renamed.Bytes);

        Assert.Equal(IngestStartStatus.Started, outcome.Outcome);
        Assert.NotEqual(batch.Key.Value, renamed.Key.Value);
        var entry = await host.Get<IBatchLedger>().GetAsync(renamed.Site, renamed.Key.Value);
        Assert.NotNull(entry);
        Assert.Equal((BatchStatus.Completed, BatchDecision.Accepted), (entry.Status, entry.Decision));
        Assert.Equal(new StoreCounts(Inserted: 0, Updated: 0, Unchanged: 5, Withdrawn: 0), entry.Stored);
        var original = await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value);
        Assert.Equal(new StoreCounts(5, 0, 0, 0), original!.Stored);

        var after = await StorageSnapshot.ReadAsync(storage);
        foreach (var table in RecordTables)
        {
            Assert.Equal(before.Table(table), after.Table(table));
        }

        Assert.Equal(aggregatesBefore, await AggregateJsonAsync(host.Get<IAggregateStore>(), registry.Sites));

        // Content-addressed: the same bytes are kept once in the raw area.
        Assert.Equal(before.BlobNames("raw"), after.BlobNames("raw"));
        Assert.Single(after.BlobNames("raw"));
    }

    /// <summary>The aggregate documents' data (not when or by which batch they were computed).</summary>
    private static async Task<Dictionary<string, string>> AggregateJsonAsync(IAggregateStore store, IEnumerable<string> sites)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in sites.Select(AggregateScopes.Site).Append(AggregateScopes.Pooled))
        {
            await foreach (var document in store.ListAsync(scope))
            {
                documents.Add(scope + " " + document.Name, document.Json);
            }
        }

        return documents;
    }
}
