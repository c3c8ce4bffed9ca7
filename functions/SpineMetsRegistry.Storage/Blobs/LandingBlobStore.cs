using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Blobs;

/// <summary>
/// The sites' landing containers (<c>site-&lt;code&gt;</c>, areas as the prefixes
/// <c>incoming/</c>, <c>reports/</c>, <c>reminders/</c>), in one landing account or one
/// account per site as configured. Reads and deletes can be pinned to an ETag, so the
/// pipeline never processes or removes a newer upload that replaced the one it saw.
/// </summary>
public sealed class LandingBlobStore(RegistryStorageClients clients) : ILandingBlobs
{
    /// <summary>The blob-name prefix of an area.</summary>
    public static string PrefixOf(LandingArea area) => area switch
    {
        LandingArea.Incoming => "incoming/",
        LandingArea.Reports => "reports/",
        LandingArea.Reminders => "reminders/",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    /// <inheritdoc />
    public async IAsyncEnumerable<LandingBlob> ListAsync(string site, LandingArea area, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = PrefixOf(area);
        await foreach (var item in clients.LandingContainer(site).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            var properties = item.Properties;
            yield return new LandingBlob(
                site,
                item.Name[prefix.Length..],
                properties.ETag is { } etag ? QuotedETag(etag) : string.Empty,
                properties.ContentLength ?? 0,
                properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    /// <inheritdoc />
    public async Task<LandingBlob?> GetAsync(string site, LandingArea area, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await Blob(site, area, name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new LandingBlob(site, name, QuotedETag(properties.ETag), properties.ContentLength, properties.LastModified);
        }
        catch (RequestFailedException failed) when (failed.IsNotFound())
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <exception cref="BlobNotFoundException">The blob does not exist.</exception>
    public async Task<Stream> OpenReadAsync(string site, LandingArea area, string name, string? ifMatchETag = null, CancellationToken cancellationToken = default)
    {
        // Without a caller's ETag the stream still pins the version it started on, so a
        // blob replaced halfway through is never read as a mix of two uploads.
        var options = new BlobOpenReadOptions(allowModifications: false);
        if (ifMatchETag is not null)
        {
            options.Conditions = new BlobRequestConditions { IfMatch = new ETag(ifMatchETag) };
        }

        try
        {
            var stream = await Blob(site, area, name).OpenReadAsync(options, cancellationToken);
            return new ChangeDetectingStream(stream, $"Blob '{PrefixOf(area)}{name}' of site {site}");
        }
        catch (RequestFailedException failed) when (failed.IsPreconditionFailed())
        {
            throw new BlobChangedException($"Blob '{PrefixOf(area)}{name}' of site {site} was overwritten since ETag {ifMatchETag} was seen.", failed);
        }
        catch (RequestFailedException failed) when (failed.IsNotFound())
        {
            throw new BlobNotFoundException($"Blob '{PrefixOf(area)}{name}' of site {site} does not exist.", failed);
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(string site, LandingArea area, string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        await Blob(site, area, name).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteIfUnchangedAsync(string site, LandingArea area, string name, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ifMatchETag);
        try
        {
            await Blob(site, area, name).DeleteAsync(
                DeleteSnapshotsOption.IncludeSnapshots,
                new BlobRequestConditions { IfMatch = new ETag(ifMatchETag) },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.IsNotFound() || failed.IsPreconditionFailed())
        {
            // Gone already (a retry), or replaced by a newer upload that must be kept.
            return false;
        }
    }

    // Listings give ETags bare, property reads quoted: one form, so callers can compare them.
    private static string QuotedETag(ETag etag) => etag.ToString("H");

    private BlobClient Blob(string site, LandingArea area, string name) =>
        clients.LandingContainer(site).GetBlobClient(PrefixOf(area) + BlobNames.Check(name, nameof(name)));
}
