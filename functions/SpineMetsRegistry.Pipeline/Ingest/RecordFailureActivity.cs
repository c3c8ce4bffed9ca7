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
        if (step.BatchKey is { } batchKey && await ledger.GetAsync(step.Site, batchKey, cancellationToken) is { } entry)
        {
            await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Failed, step.At, step.Reason, e => e with { FailureReason = step.Reason }, cancellationToken);
        }

        await audit.AppendAsync(
            new AuditEntry(step.At, "registry", "ingest", step.BatchKey ?? "(before receipt)", "failed", step.Reason),
            $"failed|{step.Site}|{step.BatchKey}|{step.At.UtcTicks}",
            cancellationToken);
        return true;
    }
}
