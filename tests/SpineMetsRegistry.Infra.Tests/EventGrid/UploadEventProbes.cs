namespace SpineMetsRegistry.Infra.Tests.EventGrid;

/// <summary>Events the upload subscription must deliver to the ingest queue, and events it must not.</summary>
public static class UploadEventProbes
{
    public static readonly IReadOnlyList<string> UploadApis = ["PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose"];

    public static IReadOnlyList<(StorageEvent Event, bool MustDeliver)> For(string siteContainer) =>
    [
        .. UploadApis.Select(api => (StorageEvent.Created(siteContainer, "incoming/batch-0001.csv", api), true)),
        (StorageEvent.Created(siteContainer, "incoming/2025/batch-0002.jsonl", "PutBlob"), true),
        (StorageEvent.Created(siteContainer, "incoming/batch-0001.csv", "PutBlock"), false),
        (StorageEvent.Created(siteContainer, "incoming/batch-0001.csv", "AppendBlock"), false),
        (StorageEvent.Created(siteContainer, "reports/batch-0001.json", "PutBlob"), false),
        (StorageEvent.Created(siteContainer, "reminders/2025-03-01.json", "PutBlockList"), false),
        (StorageEvent.Created(siteContainer, "reports/incoming/batch-0001.json", "PutBlob"), false),
        (StorageEvent.Created(siteContainer, "batch-at-root.csv", "PutBlob"), false),
        (StorageEvent.Created("raw", "incoming/batch-0001.csv", "PutBlob"), false),
        (StorageEvent.Created("staging", "incoming/batch-0001.csv", "CopyBlob"), false),
        (StorageEvent.Deleted(siteContainer, "incoming/batch-0001.csv"), false),
    ];
}
