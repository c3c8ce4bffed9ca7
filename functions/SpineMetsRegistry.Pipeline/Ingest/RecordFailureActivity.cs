using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>Ledger "failed" with the reason (which never contains record values), and the audit entry.</summary>
public sealed class RecordFailureActivity(IBatchLedger ledger, IAuditLog audit)
{
    /// <summary>Runs the activity.</summary>
    public async Task<bool> RunAsync(FailureStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = step.BatchKey is { } batchKey ? await ledger.GetAsync(step.Site, batchKey, cancellationToken) : null;
        if (BatchLedgerRules.IsCompleted(entry))
        {
            // A failure reported by a late duplicate execution after the batch completed: the
            // batch did not fail, and its ledger entry and audit trail say so.
            return true;
        }

        if (entry is not null && !await LedgerUpdates.TryAdvanceAsync(ledger, entry, BatchStatus.Failed, step.At, step.Reason, e => e with { FailureReason = step.Reason }, cancellationToken))
        {
            return true; // the batch completed after this execution read its entry
        }

        await audit.AppendAsync(
            new AuditEntry(step.At, "registry", "ingest", step.BatchKey ?? "(before receipt)", "failed", step.Reason),
            $"failed|{step.Site}|{step.BatchKey}|{step.At.UtcTicks}",
            cancellationToken);
        return true;
    }
}
