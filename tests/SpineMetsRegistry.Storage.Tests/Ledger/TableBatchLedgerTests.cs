using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Ledger;

[Collection(AzuriteCollection.Name)]
public sealed class TableBatchLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordAsync_StatusesInOrder_SummaryHasLatestAndHistoryHasEach()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var received = Entry("visits-1", BatchStatus.Received, Received);
        var validated = received with
        {
            Status = BatchStatus.Validated,
            UpdatedAt = Received.AddMinutes(1),
            Decision = BatchDecision.PartiallyAccepted,
            Validation = new ValidationCounts(120, 118, 2, 3, 7, 0),
            DictionaryVersion = "1.0.0",
        };
        var stored = validated with { Status = BatchStatus.Stored, UpdatedAt = Received.AddMinutes(2), Stored = new StoreCounts(100, 15, 3, 1) };

        await ledger.RecordAsync(received, new BatchLedgerEvent(BatchStatus.Received, Received, "1234 bytes"));
        await ledger.RecordAsync(validated, new BatchLedgerEvent(BatchStatus.Validated, Received.AddMinutes(1), "118 accepted"));
        await ledger.RecordAsync(stored, new BatchLedgerEvent(BatchStatus.Stored, Received.AddMinutes(2), "100 new, 15 updated"));

        Assert.Equal(stored, await ledger.GetAsync("S01", received.BatchKey));
        var history = await ledger.HistoryAsync("S01", received.BatchKey);
        Assert.Equal([BatchStatus.Received, BatchStatus.Validated, BatchStatus.Stored], history.Select(h => h.Status));
        Assert.Equal("100 new, 15 updated", history[2].Detail);
        Assert.Null(await ledger.GetAsync("S01", "other@0123456789ab"));
    }

    [Fact]
    public async Task RecordAsync_SameStatusTwice_OneHistoryRowAndSummaryRewritten()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var entry = Entry("visits-1", BatchStatus.Received, Received);
        var status = new BatchLedgerEvent(BatchStatus.Received, Received, "1234 bytes");

        await ledger.RecordAsync(entry, status);
        await ledger.RecordAsync(entry, status);

        Assert.Equal(2, (await context.RowsAsync(RegistryTables.Ledger)).Count);
        Assert.Single(await ledger.HistoryAsync("S01", entry.BatchKey));
        Assert.Equal(entry, await ledger.GetAsync("S01", entry.BatchKey));
    }

    [Fact]
    public async Task RecordAsync_Failure_ReasonKeptWithoutEarlierCounts()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var failed = Entry("visits-1", BatchStatus.Failed, Received) with { FailureReason = "StoreChunk failed after 5 attempts: RequestFailedException (503)" };

        await ledger.RecordAsync(failed, new BatchLedgerEvent(BatchStatus.Failed, Received, "failed"));

        var read = await ledger.GetAsync("S01", failed.BatchKey);
        Assert.Equal(failed, read);
        Assert.Null(read!.Validation);
        Assert.Null(read.Stored);
    }

    [Theory]
    [InlineData(BatchDecision.Accepted, "accepted")]
    [InlineData(BatchDecision.PartiallyAccepted, "partially_accepted")]
    [InlineData(BatchDecision.Held, "held")]
    [InlineData(BatchDecision.Rejected, "rejected")]
    [InlineData(BatchDecision.Quarantined, "quarantined")]
    public async Task RecordAsync_Decision_StoredAsTheSnakeCaseCodeLedgersAlwaysHeld(BatchDecision decision, string code)
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var entry = Entry("visits-1", BatchStatus.Validated, Received) with { Decision = decision };

        await ledger.RecordAsync(entry, new BatchLedgerEvent(BatchStatus.Validated, Received, "x"));

        var summary = Assert.Single(await context.RowsAsync(RegistryTables.Ledger), r => r.RowKey.StartsWith(LedgerRows.SummaryFamily, StringComparison.Ordinal));
        Assert.Equal(code, summary.GetString("Decision"));
        Assert.Equal(decision, (await ledger.GetAsync("S01", entry.BatchKey))!.Decision);
    }

    [Fact]
    public async Task GetAsync_UnknownDecisionCode_FailsWithoutGuessing()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var entry = Entry("visits-1", BatchStatus.Validated, Received) with { Decision = BatchDecision.Accepted };
        await ledger.RecordAsync(entry, new BatchLedgerEvent(BatchStatus.Validated, Received, "x"));
        var summary = Assert.Single(await context.RowsAsync(RegistryTables.Ledger), r => r.RowKey.StartsWith(LedgerRows.SummaryFamily, StringComparison.Ordinal));
        summary["Decision"] = "mostly_fine";
        await context.RawTable(RegistryTables.Ledger).UpsertEntityAsync(summary, Azure.Data.Tables.TableUpdateMode.Replace);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ledger.GetAsync("S01", entry.BatchKey));

        Assert.Contains("Decision", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SeveralBatches_MostRecentlyReceivedFirstAndOnlyTheSite()
    {
        var context = await StorageTestContext.CreateAsync(azurite, "S01", "S02");
        var ledger = new TableBatchLedger(context.Clients);
        var older = Entry("enrol-1", BatchStatus.Completed, Received);
        var newest = Entry("visits-2", BatchStatus.Received, Received.AddDays(2));
        var middle = Entry("visits-1", BatchStatus.Stored, Received.AddDays(1));
        foreach (var entry in new[] { older, newest, middle })
        {
            await ledger.RecordAsync(entry, new BatchLedgerEvent(entry.Status, entry.UpdatedAt, "x"));
        }

        await ledger.RecordAsync(Entry("other", BatchStatus.Received, Received, site: "S02"), new BatchLedgerEvent(BatchStatus.Received, Received, "x"));

        var listed = await ledger.ListAsync("S01").ToListAsync();

        Assert.Equal([newest.BatchKey, middle.BatchKey, older.BatchKey], listed.Select(e => e.BatchKey));
        Assert.Single(await ledger.ListAsync("S02").ToListAsync());
    }

    [Fact]
    public async Task HistoryAsync_BatchKeyThatPrefixesAnother_KeepsHistoriesApart()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var shortKey = Entry("v", BatchStatus.Received, Received) with { BatchKey = "v@0123456789ab" };
        var longKey = Entry("v", BatchStatus.Received, Received) with { BatchKey = "v@0123456789ab-x" };

        await ledger.RecordAsync(shortKey, new BatchLedgerEvent(BatchStatus.Received, Received, "a"));
        await ledger.RecordAsync(longKey, new BatchLedgerEvent(BatchStatus.Received, Received, "b"));

        Assert.Equal("a", Assert.Single(await ledger.HistoryAsync("S01", shortKey.BatchKey)).Detail);
        Assert.Equal("b", Assert.Single(await ledger.HistoryAsync("S01", longKey.BatchKey)).Detail);
    }

    private static BatchLedgerEntry Entry(string batchId, BatchStatus status, DateTimeOffset receivedAt, string site = "S01")
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(batchId)));
        var key = BatchKey.Create(site, batchId, sha);
        return new BatchLedgerEntry
        {
            Site = site,
            BatchKey = key.Value,
            BatchId = batchId,
            FileName = batchId + ".csv",
            Sha256 = sha,
            SizeBytes = 1234,
            Status = status,
            ReceivedAt = receivedAt,
            UpdatedAt = receivedAt,
        };
    }
}
