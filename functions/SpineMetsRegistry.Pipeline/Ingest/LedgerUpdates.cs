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
        var next = Next(current, status, at, update);
        await ledger.RecordAsync(next, new BatchLedgerEvent(status, at, detail), cancellationToken);
        return next;
    }

    /// <summary>
    /// As <see cref="AdvanceAsync"/>; false when the ledger refused the record because the
    /// batch completed meanwhile (<see cref="BatchLedgerRules.IsFinal"/>), so the caller skips
    /// its own follow-up writes (audit entries) too.
    /// </summary>
    public static Task<bool> TryAdvanceAsync(
        IBatchLedger ledger,
        BatchLedgerEntry current,
        BatchStatus status,
        DateTimeOffset at,
        string detail,
        Func<BatchLedgerEntry, BatchLedgerEntry>? update,
        CancellationToken cancellationToken) =>
        ledger.RecordAsync(Next(current, status, at, update), new BatchLedgerEvent(status, at, detail), cancellationToken);

    public static async Task<BatchLedgerEntry> RequireAsync(IBatchLedger ledger, string site, string batchKey, CancellationToken cancellationToken) =>
        await ledger.GetAsync(site, batchKey, cancellationToken)
            ?? throw new InvalidOperationException($"Batch {site}/{batchKey} has no ledger entry; the receive step must run first.");

    private static BatchLedgerEntry Next(BatchLedgerEntry current, BatchStatus status, DateTimeOffset at, Func<BatchLedgerEntry, BatchLedgerEntry>? update) =>
        (update is null ? current : update(current)) with
        {
            Status = status == BatchStatus.Failed || (int)status > (int)current.Status ? status : current.Status,
            UpdatedAt = at > current.UpdatedAt ? at : current.UpdatedAt,
        };
}
