using System.Text;
using System.Text.Json;

namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>Event Grid schema events as a storage account emits them, for parser tests.</summary>
internal static class GridEvents
{
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";

    public static string SubjectOf(string container, string blobPath) => $"/blobServices/default/containers/{container}/blobs/{blobPath}";

    public static Dictionary<string, object> Event(
        string subject,
        string api = "PutBlob",
        string eventType = BlobCreated,
        string id = "e1",
        string eTag = "0x8DE1A2B3C4D5E6F",
        long contentLength = 1234,
        string? url = null) => new()
        {
            ["topic"] = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/spinemetsland",
            ["subject"] = subject,
            ["eventType"] = eventType,
            ["id"] = id,
            ["eventTime"] = "2026-03-01T10:00:00.0000000Z",
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["data"] = new Dictionary<string, object>
            {
                ["api"] = api,
                ["clientRequestId"] = "c1",
                ["requestId"] = "r1",
                ["eTag"] = eTag,
                ["contentType"] = "text/csv",
                ["contentLength"] = contentLength,
                ["blobType"] = "BlockBlob",
                ["url"] = url ?? "https://spinemetsland.blob.core.windows.net/" + subject.Split("/containers/")[1].Replace("/blobs/", "/", StringComparison.Ordinal),
                ["sequencer"] = "0000000000000000000000000000000000000000000000000000",
            },
        };

    public static string Json(object eventOrEvents) => JsonSerializer.Serialize(eventOrEvents);

    public static string Base64(object eventOrEvents) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Json(eventOrEvents)));
}
