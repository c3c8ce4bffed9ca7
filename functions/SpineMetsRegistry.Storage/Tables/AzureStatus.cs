using Azure;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>The HTTP statuses the adapters turn into port semantics; everything else propagates.</summary>
internal static class AzureStatus
{
    public const int NotFound = 404;
    public const int Conflict = 409;
    public const int PreconditionFailed = 412;

    public static bool IsNotFound(this RequestFailedException exception) => exception.Status == NotFound;

    public static bool IsConflict(this RequestFailedException exception) => exception.Status == Conflict;

    public static bool IsPreconditionFailed(this RequestFailedException exception) => exception.Status == PreconditionFailed;

    /// <summary>
    /// A create-only upload (<c>If-None-Match: *</c>) refused because the blob exists: 409, or
    /// 412, which a staged (block list) upload's commit may report instead.
    /// </summary>
    public static bool IsCreateOnlyRefusal(this RequestFailedException exception) => exception.IsConflict() || exception.IsPreconditionFailed();
}
