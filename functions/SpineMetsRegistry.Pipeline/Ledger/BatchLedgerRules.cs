namespace SpineMetsRegistry.Pipeline.Ledger;

/// <summary>What may still change in a batch's ledger entry.</summary>
public static class BatchLedgerRules
{
    /// <summary>
    /// Whether an entry at <paramref name="current"/> refuses a record of <paramref name="next"/>:
    /// a completed batch is finished, so only a repeat of its completion (an idempotent re-run of
    /// the last step) is still written. Activities run at least once: a duplicate execution of an
    /// earlier step, or a failure recorded for it, can arrive after the batch completed and must
    /// not turn its entry back (or into Failed).
    /// </summary>
    public static bool IsFinal(BatchStatus current, BatchStatus next) =>
        current == BatchStatus.Completed && next != BatchStatus.Completed;

    /// <summary>Whether the batch has completed (every later activity execution is a late duplicate with nothing to do).</summary>
    public static bool IsCompleted(BatchLedgerEntry? entry) => entry?.Status == BatchStatus.Completed;
}
