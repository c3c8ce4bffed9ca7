namespace SpineMetsRegistry.Infra.Tests.Abac;

/// <summary>
/// One blob data request as a role-assignment condition sees it. Attributes a real request of that
/// kind does not carry stay null: List Blobs has a prefix but no blob path; blob operations have a
/// path but no prefix.
/// </summary>
public sealed record BlobRequest(string Action, string? SubOperation, string ContainerName, string? BlobPath, string? ListPrefix)
{
    public static BlobRequest Read(string container, string path) => new(BlobActions.Read, null, container, path, null);

    public static BlobRequest List(string container, string? prefix) => new(BlobActions.Read, BlobActions.ListSubOperation, container, null, prefix);

    public static BlobRequest Write(string container, string path) => new(BlobActions.Write, null, container, path, null);

    public static BlobRequest Create(string container, string path) => new(BlobActions.Create, null, container, path, null);

    public static BlobRequest Delete(string container, string path) => new(BlobActions.Delete, null, container, path, null);

    public static BlobRequest Rename(string container, string path) => new(BlobActions.Rename, null, container, path, null);

    public static BlobRequest DeleteVersion(string container, string path) => new(BlobActions.DeleteVersion, null, container, path, null);

    public static BlobRequest PermanentDelete(string container, string path) => new(BlobActions.PermanentDelete, null, container, path, null);

    public static BlobRequest ChangeImmutability(string container, string path) => new(BlobActions.ImmutabilitySuperUser, null, container, path, null);

    public override string ToString()
    {
        var verb = Action[(Action.IndexOf("/blobs/", StringComparison.Ordinal) + "/blobs/".Length)..];
        var target = BlobPath ?? (ListPrefix is null ? "(no prefix)" : $"prefix {ListPrefix}");
        return SubOperation is null ? $"{verb} {ContainerName}/{target}" : $"{verb}[{SubOperation}] {ContainerName} {target}";
    }
}
