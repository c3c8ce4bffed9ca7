namespace SpineMetsRegistry.Infra.Tests.Abac;

/// <summary>Blob data actions as Azure RBAC names them (the values ActionMatches compares with).</summary>
public static class BlobActions
{
    private const string Blobs = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs";

    public const string Read = Blobs + "/read";
    public const string Write = Blobs + "/write";
    public const string Create = Blobs + "/add/action";
    public const string Delete = Blobs + "/delete";
    public const string Rename = Blobs + "/move/action";
    public const string DeleteVersion = Blobs + "/deleteBlobVersion/action";
    public const string PermanentDelete = Blobs + "/permanentDelete/action";
    public const string ImmutabilitySuperUser = Blobs + "/immutableStorage/runAsSuperUser/action";

    /// <summary>The List Blobs suboperation of the read action.</summary>
    public const string ListSubOperation = "Blob.List";
}
