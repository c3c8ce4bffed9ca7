namespace SpineMetsRegistry.Pipeline.Blobs;

/// <summary>The areas of a site's landing container <c>site-&lt;code&gt;</c>.</summary>
public enum LandingArea
{
    /// <summary><c>incoming/</c>: the site writes batches here (and can read nothing else but the two below).</summary>
    Incoming,

    /// <summary><c>reports/</c>: validation reports and receipts for the site.</summary>
    Reports,

    /// <summary><c>reminders/</c>: the site's daily follow-up digests.</summary>
    Reminders,
}

/// <summary>A blob in a site's landing container.</summary>
/// <param name="Site">The site code (from the container, never from the file).</param>
/// <param name="Name">The name within the area (without the area prefix), e.g. "2026-11-03-visits.csv".</param>
/// <param name="ETag">The version of the bytes; operations on it are conditional.</param>
/// <param name="SizeBytes">Length.</param>
/// <param name="LastModified">When it was written.</param>
public sealed record LandingBlob(string Site, string Name, string ETag, long SizeBytes, DateTimeOffset LastModified);

/// <summary>Site landing containers, addressed by site code and area.</summary>
public interface ILandingBlobs
{
    /// <summary>Lists the blobs of an area of a site's container.</summary>
    IAsyncEnumerable<LandingBlob> ListAsync(string site, LandingArea area, CancellationToken cancellationToken = default);

    /// <summary>Reads the properties of one blob, or null when absent.</summary>
    Task<LandingBlob?> GetAsync(string site, LandingArea area, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a blob for reading; when <paramref name="ifMatchETag"/> is given and the blob was
    /// overwritten since, throws <see cref="BlobChangedException"/>.
    /// </summary>
    Task<Stream> OpenReadAsync(string site, LandingArea area, string name, string? ifMatchETag = null, CancellationToken cancellationToken = default);

    /// <summary>Writes a blob (overwriting), e.g. a report, with a content type.</summary>
    Task WriteAsync(string site, LandingArea area, string name, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a blob if it exists and still has <paramref name="ifMatchETag"/> (a newer upload
    /// under the same name is never deleted). Returns whether it deleted.
    /// </summary>
    Task<bool> DeleteIfUnchangedAsync(string site, LandingArea area, string name, string ifMatchETag, CancellationToken cancellationToken = default);
}

/// <summary>A blob was overwritten between two conditional operations.</summary>
public sealed class BlobChangedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlobChangedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BlobChangedException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public BlobChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
