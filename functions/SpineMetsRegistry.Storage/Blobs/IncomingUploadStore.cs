using Azure;
using Azure.Storage.Blobs.Models;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Blobs;

/// <summary>
/// Create-only uploads into <c>site-&lt;code&gt;/incoming/</c>: the write carries
/// <c>If-None-Match: *</c>, so storage itself refuses to overwrite (no check-then-write race).
/// A write that fails midway commits no block list, so no partial blob appears.
/// </summary>
public sealed class IncomingUploadStore(RegistryStorageClients clients) : IIncomingUploads
{
    /// <inheritdoc />
    public async Task<IncomingUploadResult> CreateAsync(string site, string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        var blob = clients.LandingContainer(site).GetBlobClient(LandingBlobStore.PrefixOf(LandingArea.Incoming) + name);
        try
        {
            var response = await blob.UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                TransferOptions = BlobTransfer.Bounded,
            }, cancellationToken);
            return new IncomingUploadResult(true, response.Value.ETag.ToString("H"));
        }
        catch (RequestFailedException failed) when (failed.IsCreateOnlyRefusal())
        {
            return new IncomingUploadResult(false, null);
        }
    }
}
