using System.Text;
using Azure.Storage.Queues;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>A batch carrying an identifier is quarantined whole: nothing of it is stored, shown or logged.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuarantineTests(AzuriteFixture azurite)
{
    private const string PlantedEmail = "jane.doe.1962@example-hospital.org";

    /// <summary>The address and its distinctive parts: none may appear anywhere but the quarantined bytes.</summary>
    private static readonly string[] Needles = [PlantedEmail, "jane.doe", "example-hospital"];

    /// <summary>What a quarantined batch may leave rows in: its ledger entry and the audit log (and the engine's own task hub).</summary>
    private static readonly string[] TablesWithRows = [RegistryTables.Ledger, RegistryTables.Audit, RegistryTables.AuditKeys];

    [Fact]
    public async Task LocalHost_BatchWithAnEmailAddress_QuarantinedWholeAndTheAddressIsNowhereButInQuarantine()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        await using var run = await LocalHostRun.StartAsync(azurite, registry);
        var rows = SiteBatches.FirstRows
            .Select(r => r == SiteBatches.FirstSixWeeks ? r.With(("complication_text", $"Wound check requested by {PlantedEmail}")) : r)
            .ToList();
        var batch = Batch.Csv(SiteBatches.Site, "2025-12-01-export.csv", rows);

        await run.UploadAsync(batch);
        var entry = await run.WaitForIngestAsync(batch, TimeSpan.FromSeconds(90));

        Assert.Equal((BatchStatus.Completed, BatchDecision.Quarantined), (entry.Status, entry.Decision));
        Assert.Equal(1, entry.Validation!.IdentifierFindings);
        Assert.Equal(0, entry.Validation.Accepted);
        Assert.Equal(
            [BatchStatus.Received, BatchStatus.Quarantined, BatchStatus.Completed],
            (await run.Ledger.HistoryAsync(batch.Site, batch.Key.Value)).Select(h => h.Status));

        // The orchestration has finished (WaitForIngestAsync), so every line of this ingest is
        // in the capture, and the engine's history holds the whole run.
        var snapshot = await StorageSnapshot.ReadAsync(run.Storage);

        // Every table the provisioner created is found, and only the ledger and the audit log
        // hold rows; the engine ran it in its own task hub, whose history is read too.
        Assert.Equal(RegistryTables.All.Order(StringComparer.Ordinal), snapshot.Tables);
        Assert.Contains(snapshot.EngineRows.Keys, key => key.StartsWith("spinemetshubHistory | " + batch.Key.InstanceId, StringComparison.Ordinal));
        foreach (var table in snapshot.Tables)
        {
            if (TablesWithRows.Contains(table))
            {
                Assert.NotEmpty(snapshot.Table(table));
            }
            else
            {
                Assert.True(snapshot.Table(table).Count == 0, $"Table {table} has rows: {string.Join(", ", snapshot.Table(table).Keys)}");
            }
        }

        // The bytes are only in quarantine: not in intake, raw, staging, nor the site's incoming/.
        Assert.Equal(["intake", "quarantine", "raw", "site-s01", "site-s02", "staging"], snapshot.Containers);
        var content = BatchBlobNames.Content(batch.Site, batch.Sha256);
        Assert.Equal([content], snapshot.BlobNames("quarantine"));
        Assert.Equal(batch.Bytes, snapshot.Blobs["quarantine | " + content].Bytes);
        Assert.Empty(snapshot.BlobNames("intake"));
        Assert.Empty(snapshot.BlobNames("raw"));
        Assert.Empty(snapshot.BlobNames("staging"));
        Assert.Empty(snapshot.BlobNames("site-s02"));
        Assert.Equal(
            new[] { BatchBlobNames.Receipt(batch.Key.Value), BatchBlobNames.ValidationReportCsv(batch.Key.Value), BatchBlobNames.ValidationReportJson(batch.Key.Value) }
                .Select(name => "reports/" + name).Order(StringComparer.Ordinal),
            snapshot.BlobNames("site-s01"));

        // The site's report shows the finding, masked.
        var report = Encoding.UTF8.GetString(snapshot.Blobs["site-s01 | reports/" + BatchBlobNames.ValidationReportCsv(batch.Key.Value)].Bytes);
        var finding = Assert.Single(report.Split('\n'), line => line.Contains("complication_text", StringComparison.Ordinal));
        Assert.StartsWith("3,complication_text,", finding, StringComparison.Ordinal);
        Assert.Contains("j***@***.org", finding, StringComparison.Ordinal);
        Assert.Contains("j***@***.org", Encoding.UTF8.GetString(snapshot.Blobs["site-s01 | reports/" + BatchBlobNames.ValidationReportJson(batch.Key.Value)].Bytes), StringComparison.Ordinal);

        // The planted address is in no table (the engine's history of inputs and outputs included), no
        // report, no other blob, no queue message and no log line.
        foreach (var needle in Needles)
        {
            Assert.Equal(["blob quarantine | " + content], snapshot.Occurrences(needle));
            Assert.DoesNotContain(run.Logs.Lines, line => line.Contains(needle, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var queue in new[] { run.Storage.Clients().IngestQueue, run.Storage.Clients().IngestPoisonQueue })
        {
            Assert.DoesNotContain(await PeekAllAsync(queue), text => Needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)));
        }
    }

    private static async Task<List<string>> PeekAllAsync(QueueClient queue)
    {
        var messages = await queue.PeekMessagesAsync(maxMessages: 32);
        return [.. messages.Value.Select(m => m.Body.ToString())];
    }
}
