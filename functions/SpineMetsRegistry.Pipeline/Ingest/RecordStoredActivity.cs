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
        var stored = step.Stored;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{stored.Inserted} new, {stored.Updated} corrected, {stored.Unchanged} unchanged, {stored.Withdrawn} patients withdrawn");
        await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Stored, step.At, detail, e => e with { Stored = stored }, cancellationToken);
        await audit.AppendAsync(new AuditEntry(step.At, "registry", "store", step.BatchKey, "ok", detail), $"store|{step.Site}|{step.BatchKey}", cancellationToken);
        return true;
    }
}
