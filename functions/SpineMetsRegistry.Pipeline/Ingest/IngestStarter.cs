using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>What the starter did with one announced upload.</summary>
/// <param name="Site">The site.</param>
/// <param name="FileName">The file under incoming/.</param>
/// <param name="Outcome">What the starter did (serialised as its snake_case code).</param>
/// <param name="Detail">Why it was ignored, or the instance ID.</param>
public sealed record IngestStartOutcome(string Site, string FileName, IngestStartStatus Outcome, string Detail);

/// <summary>
/// Turns a BlobCreated queue message into an ingest workflow start: checks the site and the
/// file name, hashes the exact blob version (so the instance ID is derived from site, batch
/// ID and content), and starts the workflow. Shared by the Functions queue trigger and the
/// local host's queue processor. The workflow starter is passed per message because under
/// Durable Functions it wraps the client binding of one invocation.
/// </summary>
public sealed partial class IngestStarter(
    ILandingBlobs landing,
    IAuditLog audit,
    RegistryConfiguration configuration,
    TimeProvider time,
    ILogger<IngestStarter> logger)
{
    /// <summary>Handles one queue message with <paramref name="starter"/>; returns what happened to each upload it announces.</summary>
    public async Task<IReadOnlyList<IngestStartOutcome>> HandleMessageAsync(string messageText, IWorkflowStarter starter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(starter);
        var parsed = BlobCreatedEventParser.Parse(messageText);
        foreach (var reason in parsed.Ignored)
        {
            LogIgnoredEvent(logger, reason);
        }

        var outcomes = new List<IngestStartOutcome>();
        foreach (var notice in parsed.Notices)
        {
            outcomes.Add(await StartAsync(notice, starter, cancellationToken));
        }

        return outcomes;
    }

    private async Task<IngestStartOutcome> StartAsync(IncomingBatchNotice notice, IWorkflowStarter starter, CancellationToken cancellationToken)
    {
        var site = configuration.FindSite(notice.Site);
        if (site is null)
        {
            return Ignored(notice, "the container does not belong to a configured site");
        }

        var blob = await landing.GetAsync(site.Code, LandingArea.Incoming, notice.FileName, cancellationToken);
        if (blob is null)
        {
            return Ignored(notice, "the blob is gone (already ingested, or removed)");
        }

        var batchId = Path.GetFileNameWithoutExtension(notice.FileName);
        if (!BatchFormats.TryFromFileName(notice.FileName, out _) || !BatchKey.IsValidBatchId(batchId))
        {
            await ReportNotProcessedAsync(site.Code, notice.FileName, blob.ETag, NamingRule, "unsupported file name", cancellationToken);
            return Ignored(notice, "unsupported file name (a report explains the naming rule to the site)");
        }

        if (blob.SizeBytes > configuration.Settings.MaxBatchBytes)
        {
            // Checked before a single byte is hashed or copied: an oversized upload costs nothing.
            var limit = configuration.Settings.MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ReportNotProcessedAsync(site.Code, notice.FileName, blob.ETag,
                $"The file is larger than the registry's batch size limit of {limit} bytes: split it into several batches.", "over the batch size limit", cancellationToken);
            return Ignored(notice, $"over the batch size limit of {limit} bytes (a report asks the site to split it)");
        }

        string sha256;
        try
        {
            await using var content = await landing.OpenReadAsync(site.Code, LandingArea.Incoming, notice.FileName, blob.ETag, cancellationToken);
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        }
        catch (BlobChangedException changed)
        {
            // Only a newer version makes this event moot (it has an event of its own). When the
            // version announced is still there, the read failed its version check for another
            // reason: ignoring the event would drop the upload, so it fails and is delivered again.
            var current = await landing.GetAsync(site.Code, LandingArea.Incoming, notice.FileName, cancellationToken);
            if (current is not null && string.Equals(current.ETag, blob.ETag, StringComparison.Ordinal))
            {
                throw new IOException($"Reading incoming/{notice.FileName} of site {site.Code} failed its version check although the upload is unchanged; the event is tried again.", changed);
            }

            return Ignored(notice, "the blob was overwritten while it was read; the newer upload has its own event");
        }

        var request = new IngestRequest(site.Code, notice.FileName, blob.ETag, sha256, blob.SizeBytes);
        var result = await starter.StartIngestAsync(request, cancellationToken);
        LogStart(logger, request.Key.InstanceId, result);
        if (result == WorkflowStartResult.AlreadyCompleted)
        {
            // An identical re-upload of a finished batch: nothing to do but tidy the landing area.
            await landing.DeleteIfUnchangedAsync(site.Code, LandingArea.Incoming, notice.FileName, blob.ETag, cancellationToken);
            await audit.AppendAsync(
                new AuditEntry(time.GetUtcNow(), "site:" + site.Code, "upload", request.Key.Value, "duplicate", "identical to a batch already ingested; nothing changed"),
                $"duplicate|{site.Code}|{notice.FileName}|{blob.ETag}",
                cancellationToken);
        }

        return new IngestStartOutcome(site.Code, notice.FileName, result switch
        {
            WorkflowStartResult.Started => IngestStartStatus.Started,
            WorkflowStartResult.AlreadyRunning => IngestStartStatus.AlreadyRunning,
            WorkflowStartResult.AlreadyCompleted => IngestStartStatus.AlreadyCompleted,
            WorkflowStartResult.Restarted => IngestStartStatus.Restarted,
            _ => throw new InvalidOperationException($"Unknown workflow start result {result}."),
        }, request.Key.InstanceId);
    }

    private const string NamingRule =
        "Batch files must be named <batch-id>.csv, <batch-id>.jsonl or <batch-id>.ndjson, where the batch ID is 1-100 letters, digits, '.', '_' or '-' starting with a letter or digit.";

    private async Task ReportNotProcessedAsync(string site, string fileName, string eTag, string reason, string auditReason, CancellationToken cancellationToken)
    {
        var report = new
        {
            fileName,
            processed = false,
            reason,
            eTag,
        };
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(report));
        var safeName = string.Concat(fileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        await landing.WriteAsync(site, LandingArea.Reports, $"not-processed/{safeName}.json", stream, "application/json", cancellationToken);
        await audit.AppendAsync(
            new AuditEntry(time.GetUtcNow(), "site:" + site, "upload", "incoming/" + safeName, "not_processed", auditReason),
            $"not-processed|{site}|{safeName}|{eTag}",
            cancellationToken);
    }

    private IngestStartOutcome Ignored(IncomingBatchNotice notice, string reason)
    {
        LogIgnoredUpload(logger, notice.Site, reason);
        return new IngestStartOutcome(notice.Site, notice.FileName, IngestStartStatus.Ignored, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored an event: {Reason}")]
    private static partial void LogIgnoredEvent(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored an upload of site {Site}: {Reason}")]
    private static partial void LogIgnoredUpload(ILogger logger, string site, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest {InstanceId}: {Result}")]
    private static partial void LogStart(ILogger logger, string instanceId, WorkflowStartResult result);
}
