namespace SpineMetsRegistry.Pipeline.Blobs;

/// <summary>
/// Create-only writes into a site's <c>incoming/</c> area for uploads that come through the
/// registry (the API's upload endpoint): an upload never replaces a blob already there. What
/// happens next is unchanged: the landing container's BlobCreated event starts the ingest.
/// </summary>
public interface IIncomingUploads
{
    /// <summary>Creates <c>incoming/&lt;name&gt;</c> in the site's container, or reports that it exists.</summary>
    Task<IncomingUploadResult> CreateAsync(string site, string name, Stream content, string contentType, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of a create-only upload.</summary>
/// <param name="Created">Whether the blob was created (false: one of that name already exists, nothing was written).</param>
/// <param name="ETag">The new blob's version, when created.</param>
public sealed record IncomingUploadResult(bool Created, string? ETag);
