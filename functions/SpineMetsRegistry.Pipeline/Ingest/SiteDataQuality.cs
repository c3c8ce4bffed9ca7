using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// A site's data-quality counts at aggregation: the missing key fields of its stored records
/// (<see cref="DataQualityFields"/>) and its finished batches from the ledger (rejected over
/// received, and upload-to-completed times). The batch being aggregated is left out even when a
/// late duplicate of the activity runs after it finished, so the same step always writes the same
/// counts; it counts from the site's next aggregation.
/// </summary>
public static class SiteDataQuality
{
    /// <summary>Computes the counts from those of the records, taken as they were read (<see cref="DataQualityFields.AddRecords"/>).</summary>
    /// <param name="ledger">The batch ledger.</param>
    /// <param name="site">Site code.</param>
    /// <param name="batchKey">The batch being aggregated (left out).</param>
    /// <param name="recordCounts">The missing-value counts of the site's stored records.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<DataQualityCounts> ComputeAsync(IBatchLedger ledger, string site, string batchKey, DataQualityCounts recordCounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(recordCounts);
        var counts = recordCounts;
        await foreach (var batch in ledger.ListAsync(site, cancellationToken))
        {
            if (batch.BatchKey != batchKey && batch.Status is BatchStatus.Completed or BatchStatus.Quarantined or BatchStatus.NotStored)
            {
                var rejected = batch.Status != BatchStatus.Completed || batch.Decision is BatchDecision.Held or BatchDecision.Rejected or BatchDecision.Quarantined;
                counts = counts.AddBatch(rejected, batch.Status == BatchStatus.Completed ? batch.UpdatedAt - batch.ReceivedAt : null);
            }
        }

        return counts;
    }
}
