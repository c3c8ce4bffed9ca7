namespace SpineMetsRegistry.Pipeline.Ledger;

/// <summary>
/// The batch ledger: a summary row per batch plus its status history. Writes are keyed
/// deterministically, so a retried activity rewrites the same rows.
/// </summary>
public interface IBatchLedger
{
    /// <summary>Reads a batch's summary, or null.</summary>
    Task<BatchLedgerEntry?> GetAsync(string site, string batchKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a status: writes the event to the history (one row per status, so repeating
    /// it is harmless) and updates the summary row. A completed batch's entry is final
    /// (<see cref="BatchLedgerRules.IsFinal"/>): recording any other status for it changes
    /// nothing and returns false, however late the writer read the entry (activities run at
    /// least once, and a duplicate may land after the batch completed).
    /// </summary>
    Task<bool> RecordAsync(BatchLedgerEntry summary, BatchLedgerEvent status, CancellationToken cancellationToken = default);

    /// <summary>Lists a site's batches, most recently received first.</summary>
    IAsyncEnumerable<BatchLedgerEntry> ListAsync(string site, CancellationToken cancellationToken = default);

    /// <summary>A batch's status history in order.</summary>
    Task<IReadOnlyList<BatchLedgerEvent>> HistoryAsync(string site, string batchKey, CancellationToken cancellationToken = default);
}
