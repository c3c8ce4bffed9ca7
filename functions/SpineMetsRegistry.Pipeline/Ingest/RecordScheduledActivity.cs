using System.Globalization;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>Ledger "scheduled" with the totals of every schedule group.</summary>
public sealed class RecordScheduledActivity(IBatchLedger ledger)
{
    /// <summary>Runs the activity.</summary>
    public async Task<bool> RunAsync(ScheduledStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry))
        {
            return true; // a late duplicate execution: the batch is finished
        }

        await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Scheduled, step.At,
            string.Create(CultureInfo.InvariantCulture, $"{step.Visits} expected visits of {step.Patients} patients updated"), null, cancellationToken);
        return true;
    }
}
