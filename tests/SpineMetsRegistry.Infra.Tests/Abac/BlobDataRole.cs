namespace SpineMetsRegistry.Infra.Tests.Abac;

/// <summary>A built-in Storage Blob Data role and the data actions it grants before any condition.</summary>
public sealed record BlobDataRole(string Name, string DefinitionGuid, IReadOnlySet<string> DataActions)
{
    /// <summary>Storage Blob Data Contributor: read, write, delete, rename and create blobs.</summary>
    public static BlobDataRole Contributor { get; } = new(
        "Storage Blob Data Contributor",
        "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            BlobActions.Read, BlobActions.Write, BlobActions.Delete, BlobActions.Rename, BlobActions.Create,
        });

    /// <summary>Storage Blob Data Owner: every blob data action (blobs/*).</summary>
    public static BlobDataRole Owner { get; } = new(
        "Storage Blob Data Owner",
        "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            BlobActions.Read, BlobActions.Write, BlobActions.Delete, BlobActions.Rename, BlobActions.Create,
            BlobActions.DeleteVersion, BlobActions.PermanentDelete, BlobActions.ImmutabilitySuperUser,
        });

    public bool Grants(string action) => DataActions.Contains(action);
}
