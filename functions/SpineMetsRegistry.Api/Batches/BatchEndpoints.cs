using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Api.Batches;

/// <summary>A site's batches, their status history and their reports (authorized per site by the pipeline).</summary>
public sealed class BatchEndpoints(IBatchLedger ledger, ILandingBlobs landing, IIngestProgress progress)
{
    /// <summary>The report and receipt names a batch may have.</summary>
    public static readonly IReadOnlyList<string> ReportNames = ["validation.json", "validation.csv", "receipt.json"];

    /// <summary>A site's batches, most recent first.</summary>
    public async Task<IResult> ListAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var batches = new List<BatchLedgerEntry>();
        await foreach (var batch in ledger.ListAsync(call.Site, call.Aborted))
        {
            batches.Add(batch);
        }

        var summaries = new List<object>(batches.Count);
        foreach (var batch in batches.OrderByDescending(b => b.ReceivedAt))
        {
            summaries.Add(BatchSummary.Of(batch, await ProgressAsync(batch, call.Aborted)));
        }

        return ApiResults.Ok(new { site = call.Site, batches = summaries });
    }

    /// <summary>One batch with its status history and report links.</summary>
    public async Task<IResult> GetAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var batchKey = call.RouteValue("batchKey") ?? string.Empty;
        var entry = await ledger.GetAsync(call.Site, batchKey, call.Aborted);
        if (entry is null)
        {
            return ApiResults.NotFound($"Batch {batchKey} of site {call.Site}");
        }

        var history = await ledger.HistoryAsync(call.Site, batchKey, call.Aborted);
        return ApiResults.Ok(new
        {
            batch = BatchSummary.Of(entry, await ProgressAsync(entry, call.Aborted)),
            history = history.Select(h => new { status = h.Status.ToString(), at = h.At, detail = h.Detail }),
            reports = ReportNames.Select(n => $"/api/sites/{call.Site}/batches/{batchKey}/reports/{n}"),
        });
    }

    /// <summary>A batch's validation report or receipt, as stored.</summary>
    public async Task<IResult> GetReportAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var batchKey = call.RouteValue("batchKey") ?? string.Empty;
        var name = call.RouteValue("name") ?? string.Empty;
        if (!ReportNames.Contains(name, StringComparer.Ordinal) || !BatchKeyLooksValid(batchKey))
        {
            return ApiResults.NotFound($"Report {name}");
        }

        var blobName = $"{batchKey}/{name}";
        if (await landing.GetAsync(call.Site, LandingArea.Reports, blobName, call.Aborted) is null)
        {
            return ApiResults.NotFound($"Report {name} of batch {batchKey}");
        }

        var content = await landing.OpenReadAsync(call.Site, LandingArea.Reports, blobName, null, call.Aborted);
        call.Audited($"{call.Site}/{blobName}", null);
        return ApiResults.File(content, name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8" : "application/json");
    }

    // Only a batch still being processed has progress worth asking the engine for.
    private async Task<IngestProgress?> ProgressAsync(BatchLedgerEntry entry, CancellationToken cancellationToken) =>
        entry.Status is BatchStatus.Received or BatchStatus.Validated or BatchStatus.Stored or BatchStatus.Aggregated or BatchStatus.Scheduled
            ? await progress.GetAsync(BatchKey.Create(entry.Site, entry.BatchId, entry.Sha256), cancellationToken)
            : null;

    private static bool BatchKeyLooksValid(string batchKey) =>
        batchKey.Length is > 0 and < 130 && batchKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');
}
