using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Blobs;

/// <summary>
/// The central areas, one container each in the central account. Writes that must not
/// replace are create-only (<c>If-None-Match: *</c>), so a retried upload or copy of a
/// content-addressed blob leaves the first one untouched. The raw area is under a WORM
/// policy in Azure: the registry never deletes from it, and this adapter refuses to.
/// </summary>
public sealed class CentralBlobStore(RegistryStorageClients clients) : ICentralBlobs
{
    /// <inheritdoc />
    public async Task<bool> ExistsAsync(CentralArea area, string name, CancellationToken cancellationToken = default) =>
        (await Blob(area, name).ExistsAsync(cancellationToken)).Value;

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(CentralArea area, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Blob(area, name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlobTransfer.ReadBufferBytes }, cancellationToken);
        }
        catch (RequestFailedException failed) when (failed.IsNotFound())
        {
            throw new BlobNotFoundException($"Blob '{name}' is not in the {area} area.", failed);
        }
    }

    /// <inheritdoc />
    public async Task UploadAsync(CentralArea area, string name, Stream content, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (area == CentralArea.Raw && overwrite)
        {
            throw new InvalidOperationException("The raw area is immutable (WORM in Azure): upload to it with overwrite false.");
        }

        await UploadCoreAsync(Blob(area, name), content, overwrite, ContentTypes.FromName(name), cancellationToken);
    }

    /// <inheritdoc />
    public async Task CopyAsync(CentralArea from, string fromName, CentralArea to, string toName, CancellationToken cancellationToken = default)
    {
        var target = Blob(to, toName);
        if ((await target.ExistsAsync(cancellationToken)).Value)
        {
            return;
        }

        // Streamed through this process rather than a server-side copy: a server-side copy
        // with managed identity needs separate source authorisation, and the create-only
        // upload is what makes the copy idempotent on every account type.
        var source = Blob(from, fromName);
        BlobProperties properties;
        try
        {
            properties = (await source.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException failed) when (failed.IsNotFound())
        {
            throw new BlobNotFoundException($"Cannot copy blob '{fromName}': it is not in the {from} area.", failed);
        }

        await using var stream = await source.OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlobTransfer.ReadBufferBytes, Conditions = new BlobRequestConditions { IfMatch = properties.ETag } },
            cancellationToken);
        await UploadCoreAsync(target, stream, overwrite: false, properties.ContentType, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">For the raw area, which is immutable.</exception>
    public async Task DeleteIfExistsAsync(CentralArea area, string name, CancellationToken cancellationToken = default)
    {
        if (area == CentralArea.Raw)
        {
            throw new InvalidOperationException($"Blob '{name}' is in the raw area, which is immutable (WORM in Azure): raw uploads are never deleted.");
        }

        await Blob(area, name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync(CentralArea area, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var container = clients.CentralContainer(area);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, string.IsNullOrEmpty(prefix) ? null : prefix, cancellationToken))
        {
            yield return item.Name;
        }
    }

    private static async Task UploadCoreAsync(BlobClient blob, Stream content, bool overwrite, string? contentType, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType ?? ContentTypes.Binary },
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = BlobTransfer.Bounded,
        };
        try
        {
            await blob.UploadAsync(content, options, cancellationToken);
        }
        catch (RequestFailedException failed) when (!overwrite && failed.IsCreateOnlyRefusal())
        {
            // Already there (a retry, or the same content-addressed bytes uploaded before):
            // left untouched, as create-only demands.
        }
    }

    private BlobClient Blob(CentralArea area, string name) =>
        clients.CentralContainer(area).GetBlobClient(BlobNames.Check(name, nameof(name)));
}
