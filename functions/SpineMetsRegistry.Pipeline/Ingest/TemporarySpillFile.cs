namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Where an activity puts what would otherwise grow with the batch in memory: a temporary file
/// on the worker's local disk, deleted when closed. A retried activity starts from nothing: the
/// files hold only what the activity derives again from the batch's staged blobs.
/// </summary>
internal static class TemporarySpillFile
{
    /// <summary>Creates an empty read/write temporary file.</summary>
    public static FileStream Create() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
}
