using System.Text;
using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>A committed batch file in a site's <c>incoming/</c> area, taken from a BlobCreated event.</summary>
/// <param name="Site">The site code, taken from the container name (never from the file).</param>
/// <param name="FileName">The file name within <c>incoming/</c>.</param>
/// <param name="ETag">The blob version the event is about.</param>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="Api">The storage operation that committed it (PutBlob, PutBlockList, CopyBlob, FlushWithClose).</param>
public sealed record IncomingBatchNotice(string Site, string FileName, string ETag, long ContentLength, string Api);

/// <summary>The outcome of reading one queue message: the batches it announces, and why anything else was ignored.</summary>
/// <param name="Notices">Batches to start.</param>
/// <param name="Ignored">Reasons events were ignored (for the log; never record values).</param>
public sealed record BlobCreatedParseResult(IReadOnlyList<IncomingBatchNotice> Notices, IReadOnlyList<string> Ignored);

/// <summary>
/// Reads the Event Grid (Event Grid schema) BlobCreated events that Event Grid delivers to
/// the ingest queue, or that the local host's watcher enqueues in the same shape. Anything
/// that is not a committed blob directly under <c>site-&lt;code&gt;/incoming/</c> is ignored
/// with a reason: uncommitted block uploads, other containers, other prefixes, other event
/// types. Messages may be raw JSON or Base64 (Event Grid's storage-queue encoding).
/// </summary>
public static class BlobCreatedEventParser
{
    /// <summary>The storage operations that leave a complete blob (PutBlock alone does not).</summary>
    public static IReadOnlyList<string> CommittingApis { get; } = ["PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose"];

    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>Parses a queue message.</summary>
    public static BlobCreatedParseResult Parse(string messageText)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var json = Decode(messageText);
        if (json is null)
        {
            return new([], ["The message is neither JSON nor Base64-encoded JSON."]);
        }

        EventGridEvent[] events;
        try
        {
            events = EventGridEvent.ParseMany(BinaryData.FromString(json));
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException)
        {
            return new([], ["The message is not an Event Grid schema event."]);
        }

        var notices = new List<IncomingBatchNotice>();
        var ignored = new List<string>();
        foreach (var gridEvent in events)
        {
            var (notice, reason) = Read(gridEvent);
            if (notice is not null)
            {
                notices.Add(notice);
            }
            else
            {
                ignored.Add($"Event {gridEvent.Id}: {reason}");
            }
        }

        return new(notices, ignored);
    }

    /// <summary>Builds the event the local host's watcher enqueues for a blob (the Azure shape).</summary>
    public static string CreateEventJson(string accountName, string site, string fileName, string eTag, long contentLength, DateTimeOffset eventTime, string id)
    {
        var container = "site-" + site.ToLowerInvariant();
        var data = new Dictionary<string, object>
        {
            ["api"] = "PutBlob",
            ["eTag"] = eTag,
            ["contentType"] = "application/octet-stream",
            ["contentLength"] = contentLength,
            ["blobType"] = "BlockBlob",
            ["url"] = $"http://127.0.0.1/{accountName}/{container}/incoming/{fileName}",
            ["sequencer"] = "0",
        };
        var gridEvent = new Dictionary<string, object>
        {
            ["id"] = id,
            ["topic"] = $"/local/storageAccounts/{accountName}",
            ["subject"] = $"{SubjectPrefix}{container}/blobs/incoming/{fileName}",
            ["eventType"] = "Microsoft.Storage.BlobCreated",
            ["eventTime"] = eventTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = data,
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
        };
        return JsonSerializer.Serialize(gridEvent);
    }

    private static string? Decode(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return trimmed;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(trimmed)).Trim();
            return decoded.StartsWith('{') || decoded.StartsWith('[') ? decoded : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static (IncomingBatchNotice? Notice, string Reason) Read(EventGridEvent gridEvent)
    {
        if (!string.Equals(gridEvent.EventType, SystemEventNames.StorageBlobCreated, StringComparison.Ordinal))
        {
            return (null, $"event type {gridEvent.EventType} is not BlobCreated.");
        }

        if (!gridEvent.TryGetSystemEventData(out var payload) || payload is not StorageBlobCreatedEventData data)
        {
            return (null, "the BlobCreated event has no readable data.");
        }

        if (!CommittingApis.Contains(data.Api, StringComparer.Ordinal))
        {
            return (null, $"operation {data.Api} does not commit a blob.");
        }

        var subject = gridEvent.Subject ?? string.Empty;
        if (!subject.StartsWith(SubjectPrefix + "site-", StringComparison.Ordinal))
        {
            return (null, "the blob is not in a site container.");
        }

        var rest = subject[SubjectPrefix.Length..];
        var slash = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        if (slash < 0)
        {
            return (null, "the subject has no blob path.");
        }

        var container = rest[..slash];
        var blobPath = rest[(slash + "/blobs/".Length)..];
        const string incoming = "incoming/";
        if (!blobPath.StartsWith(incoming, StringComparison.Ordinal))
        {
            return (null, "the blob is not under incoming/.");
        }

        var fileName = blobPath[incoming.Length..];
        if (fileName.Length == 0 || fileName.Contains('/', StringComparison.Ordinal))
        {
            return (null, "only files directly under incoming/ are batches.");
        }

        var site = container["site-".Length..].ToUpperInvariant();
        if (site.Length == 0)
        {
            return (null, "the container has no site code.");
        }

        return (new IncomingBatchNotice(site, fileName, data.ETag ?? string.Empty, data.ContentLength ?? 0, data.Api), string.Empty);
    }
}
