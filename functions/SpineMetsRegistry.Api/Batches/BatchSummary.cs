using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Api.Batches;

/// <summary>A ledger entry as the API shows it, with the engine's progress while the batch runs.</summary>
internal static class BatchSummary
{
    public static object Of(BatchLedgerEntry entry, IngestProgress? progress) => new
    {
        batchKey = entry.BatchKey,
        batchId = entry.BatchId,
        fileName = entry.FileName,
        sha256 = entry.Sha256,
        sizeBytes = entry.SizeBytes,
        status = entry.Status.ToString(),
        decision = entry.Decision,
        receivedAt = entry.ReceivedAt,
        updatedAt = entry.UpdatedAt,
        validation = entry.Validation,
        stored = entry.Stored,
        failureReason = entry.FailureReason,
        dictionaryVersion = entry.DictionaryVersion,
        progress,
    };
}
