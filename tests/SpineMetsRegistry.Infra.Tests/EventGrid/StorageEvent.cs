namespace SpineMetsRegistry.Infra.Tests.EventGrid;

/// <summary>A blob storage event as Event Grid filters see it: type, subject and data.api.</summary>
public sealed record StorageEvent(string EventType, string Subject, string Api)
{
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";
    public const string BlobDeleted = "Microsoft.Storage.BlobDeleted";

    public static StorageEvent Created(string container, string blobPath, string api) =>
        new(BlobCreated, SubjectOf(container, blobPath), api);

    public static StorageEvent Deleted(string container, string blobPath) =>
        new(BlobDeleted, SubjectOf(container, blobPath), "DeleteBlob");

    public override string ToString() => $"{EventType} {Api} {Subject}";

    private static string SubjectOf(string container, string blobPath) => $"/blobServices/default/containers/{container}/blobs/{blobPath}";
}
