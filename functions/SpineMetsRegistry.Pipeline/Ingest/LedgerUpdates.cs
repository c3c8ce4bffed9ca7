using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Moves a batch's ledger entry forward. Activities run at least once, possibly out of
/// order after a crash, so the summary's status never moves backwards (except to Failed);
/// every status reached is kept in the history.
/// </summary>
internal static class LedgerUpdates
{
    public static async Task<BatchLedgerEntry> AdvanceAsync(
        IBatchLedger ledger,
        BatchLedgerEntry current,
        BatchStatus status,
        DateTimeOffset at,
        string detail,
        Func<BatchLedgerEntry, BatchLedgerEntry>? update,
        CancellationToken cancellationToken)
    {
        var updated = update is null ? current : update(current);
        var next = updated with
        {
            Status = status == BatchStatus.Failed || (int)status > (int)current.Status ? status : current.Status,
            UpdatedAt = at > current.UpdatedAt ? at : current.UpdatedAt,
        };
        await ledger.RecordAsync(next, new BatchLedgerEvent(status, at, detail), cancellationToken);
        return next;
    }

    public static async Task<BatchLedgerEntry> RequireAsync(IBatchLedger ledger, string site, string batchKey, CancellationToken cancellationToken) =>
        await ledger.GetAsync(site, batchKey, cancellationToken)
            ?? throw new InvalidOperationException($"Batch {site}/{batchKey} has no ledger entry; the receive step must run first.");
}
