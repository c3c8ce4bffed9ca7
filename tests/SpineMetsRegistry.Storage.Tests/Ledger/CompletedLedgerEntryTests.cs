using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Ledger;

/// <summary>
/// A completed batch's ledger entry is final: activities run at least once, and a duplicate
/// execution that read the entry before the batch completed can try to write after it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompletedLedgerEntryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(BatchStatus.Stored)]
    [InlineData(BatchStatus.Aggregated)]
    [InlineData(BatchStatus.Scheduled)]
    [InlineData(BatchStatus.Failed)]
    public async Task RecordAsync_AnotherStatusFromAWriterThatReadBeforeCompletion_RefusedAndTheEntryStaysCompleted(BatchStatus late)
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var scheduled = Entry(BatchStatus.Scheduled);
        await ledger.RecordAsync(scheduled, new BatchLedgerEvent(BatchStatus.Scheduled, Received, "scheduled"));
        // The duplicate reads now, before the batch completes...
        var staleRead = await ledger.GetAsync("S01", scheduled.BatchKey);
        var completed = scheduled with { Status = BatchStatus.Completed, UpdatedAt = Received.AddMinutes(1) };
        Assert.True(await ledger.RecordAsync(completed, new BatchLedgerEvent(BatchStatus.Completed, completed.UpdatedAt, "accepted")));

        // ...and writes after it completed.
        var written = await ledger.RecordAsync(staleRead! with { Status = late, FailureReason = late == BatchStatus.Failed ? "late" : null }, new BatchLedgerEvent(late, Received.AddMinutes(2), "late duplicate"));

        Assert.False(written);
        Assert.Equal(completed, await ledger.GetAsync("S01", scheduled.BatchKey));
        Assert.Equal([BatchStatus.Scheduled, BatchStatus.Completed], (await ledger.HistoryAsync("S01", scheduled.BatchKey)).Select(e => e.Status));
    }

    [Fact]
    public async Task RecordAsync_CompletionRepeated_WrittenAgain()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var completed = Entry(BatchStatus.Completed);
        var status = new BatchLedgerEvent(BatchStatus.Completed, Received, "accepted");
        await ledger.RecordAsync(completed, status);

        Assert.True(await ledger.RecordAsync(completed, status));
        Assert.Equal(completed, await ledger.GetAsync("S01", completed.BatchKey));
    }

    [Fact]
    public async Task RecordAsync_ConcurrentWritersOfOneBatch_EveryStatusInTheHistoryAndTheSummaryFromOneOfThem()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = new TableBatchLedger(context.Clients);
        var statuses = new[] { BatchStatus.Received, BatchStatus.Validated, BatchStatus.Stored, BatchStatus.Aggregated, BatchStatus.Scheduled };

        // Conditional writes that conflict are read again and retried, never lost or failed.
        var results = await Task.WhenAll(statuses.Select(s => ledger.RecordAsync(Entry(s), new BatchLedgerEvent(s, Received, s.ToString()))));

        Assert.All(results, Assert.True);
        Assert.Equal(statuses, (await ledger.HistoryAsync("S01", Entry(BatchStatus.Received).BatchKey)).Select(e => e.Status));
        Assert.Contains((await ledger.GetAsync("S01", Entry(BatchStatus.Received).BatchKey))!.Status, statuses);
    }

    private static BatchLedgerEntry Entry(BatchStatus status)
    {
        const string batchId = "visits-1";
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(batchId)));
        return new BatchLedgerEntry
        {
            Site = "S01",
            BatchKey = BatchKey.Create("S01", batchId, sha).Value,
            BatchId = batchId,
            FileName = batchId + ".csv",
            Sha256 = sha,
            SizeBytes = 1234,
            Status = status,
            ReceivedAt = Received,
            UpdatedAt = Received,
        };
    }
}
