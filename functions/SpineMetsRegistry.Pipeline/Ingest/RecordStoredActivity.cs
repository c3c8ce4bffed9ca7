using System.Globalization;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>Ledger "stored" with the totals of every chunk, and the audit entry for it.</summary>
public sealed class RecordStoredActivity(IBatchLedger ledger, IAuditLog audit)
{
    /// <summary>Runs the activity.</summary>
    public async Task<bool> RunAsync(StoredStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry))
        {
            return true; // a late duplicate execution: the batch is finished
        }

        var stored = step.Stored;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{stored.Inserted} new, {stored.Updated} corrected, {stored.Unchanged} unchanged, {stored.Withdrawn} patients withdrawn");
        if (!await LedgerUpdates.TryAdvanceAsync(ledger, entry, BatchStatus.Stored, step.At, detail, e => e with { Stored = stored }, cancellationToken))
        {
            return true; // the batch completed after this execution read its entry
        }

        await audit.AppendAsync(new AuditEntry(step.At, "registry", "store", step.BatchKey, "ok", detail), $"store|{step.Site}|{step.BatchKey}", cancellationToken);
        return true;
    }
}
