using System.Globalization;
using System.Text.Json;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Write the site's receipt (what was stored, under which dictionary, value sets and date
/// policy), close the ledger entry, and clean the batch's staging area. Also runs for
/// batches that stored nothing, so every upload gets a receipt.
/// </summary>
public sealed class CompleteActivity(ICentralBlobs central, ILandingBlobs landing, IBatchLedger ledger, IAuditLog audit, RegistryPolicies policies)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs the activity.</summary>
    public async Task<bool> RunAsync(StoredStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        var stored = entry.Stored ?? step.Stored;
        var receipt = new
        {
            receiptVersion = 1,
            site = entry.Site,
            batchId = entry.BatchId,
            batchKey = entry.BatchKey,
            fileName = entry.FileName,
            sha256 = entry.Sha256,
            sizeBytes = entry.SizeBytes,
            receivedAt = entry.ReceivedAt,
            completedAt = step.At,
            decision = entry.Decision,
            validation = entry.Validation,
            stored = new { inserted = stored.Inserted, corrected = stored.Updated, unchanged = stored.Unchanged, patientsWithdrawn = stored.Withdrawn },
            dictionaryVersion = entry.DictionaryVersion,
            datePolicy = policies.Settings.DatePolicy.ToString(),
            valueSets = new { eq5d3L = policies.Settings.Instruments.Eq5d3LValueSet, eq5d5L = policies.Settings.Instruments.Eq5d5LValueSet },
            reports = new[] { "reports/" + BatchBlobNames.ValidationReportJson(entry.BatchKey), "reports/" + BatchBlobNames.ValidationReportCsv(entry.BatchKey) },
        };
        using (var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(receipt, Json)))
        {
            await landing.WriteAsync(entry.Site, LandingArea.Reports, BatchBlobNames.Receipt(entry.BatchKey), content, "application/json", cancellationToken);
        }

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{DecisionCode(entry)}: {stored.Inserted} new, {stored.Updated} corrected, {stored.Unchanged} unchanged, {stored.Withdrawn} withdrawn");
        await LedgerUpdates.AdvanceAsync(ledger, entry, BatchStatus.Completed, step.At, detail, e => e with { Stored = stored }, cancellationToken);
        await audit.AppendAsync(new AuditEntry(step.At, "registry", "receipt", entry.BatchKey, DecisionCode(entry), detail), $"receipt|{entry.Site}|{entry.BatchKey}", cancellationToken);

        var chunks = new List<string>();
        await foreach (var name in central.ListAsync(CentralArea.Staging, BatchBlobNames.StagingPrefix(entry.Site, entry.BatchKey), cancellationToken))
        {
            chunks.Add(name);
        }

        foreach (var name in chunks)
        {
            await central.DeleteIfExistsAsync(CentralArea.Staging, name, cancellationToken);
        }

        return true;
    }

    /// <summary>The decision's code for the ledger detail and the audit trail ("completed" if validation recorded none).</summary>
    private static string DecisionCode(BatchLedgerEntry entry) =>
        entry.Decision is { } decision ? BatchDecisionCodes.ToCode(decision) : "completed";
}
