namespace SpineMetsRegistry.Pipeline.Blobs;

/// <summary>The central blob areas. Every operation is idempotent so activities can be retried.</summary>
public interface ICentralBlobs
{
    /// <summary>Whether a blob exists.</summary>
    Task<bool> ExistsAsync(CentralArea area, string name, CancellationToken cancellationToken = default);

    /// <summary>Opens a blob for reading; throws <see cref="BlobNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(CentralArea area, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a blob from a stream. With <paramref name="overwrite"/> false an existing blob is
    /// left untouched (content-addressed areas: same name, same bytes).
    /// </summary>
    Task UploadAsync(CentralArea area, string name, Stream content, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>Copies a blob to another area; a target that already exists is left untouched.</summary>
    Task CopyAsync(CentralArea from, string fromName, CentralArea to, string toName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob if it exists (blobs under a WORM policy are never deleted).</summary>
    Task DeleteIfExistsAsync(CentralArea area, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists blob names under a prefix.</summary>
    IAsyncEnumerable<string> ListAsync(CentralArea area, string prefix, CancellationToken cancellationToken = default);
}

/// <summary>A blob that was expected is not there.</summary>
public sealed class BlobNotFoundException : Exception
{
    /// <summary>Creates the exception for a blob name.</summary>
    public BlobNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BlobNotFoundException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public BlobNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
