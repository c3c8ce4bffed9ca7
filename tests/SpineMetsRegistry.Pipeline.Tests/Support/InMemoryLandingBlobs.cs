using System.Runtime.CompilerServices;
using SpineMetsRegistry.Pipeline.Blobs;

namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>Site landing containers in memory, with ETags and conditional reads and deletes like the real store.</summary>
internal sealed class InMemoryLandingBlobs : ILandingBlobs
{
    private readonly Dictionary<(string Site, LandingArea Area, string Name), Stored> _blobs = [];
    private int _version;

    public IReadOnlyDictionary<(string Site, LandingArea Area, string Name), Stored> Blobs => _blobs;

    /// <summary>Writes a blob as a site upload or a registry report would; returns its ETag.</summary>
    public string Put(string site, LandingArea area, string name, byte[] content, string contentType = "text/csv", DateTimeOffset? at = null)
    {
        var eTag = $"\"0x{++_version:X8}\"";
        _blobs[(site, area, name)] = new Stored(content, eTag, contentType, at ?? DateTimeOffset.UnixEpoch);
        return eTag;
    }

    public async IAsyncEnumerable<LandingBlob> ListAsync(string site, LandingArea area, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var ((blobSite, blobArea, name), blob) in _blobs.ToList())
        {
            if (blobSite == site && blobArea == area)
            {
                yield return new LandingBlob(site, name, blob.ETag, blob.Content.Length, blob.LastModified);
            }
        }
    }

    public Task<LandingBlob?> GetAsync(string site, LandingArea area, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue((site, area, name), out var blob)
            ? new LandingBlob(site, name, blob.ETag, blob.Content.Length, blob.LastModified)
            : null);

    public Task<Stream> OpenReadAsync(string site, LandingArea area, string name, string? ifMatchETag = null, CancellationToken cancellationToken = default)
    {
        if (!_blobs.TryGetValue((site, area, name), out var blob))
        {
            throw new FileNotFoundException(name);
        }

        if (ifMatchETag is not null && ifMatchETag != blob.ETag)
        {
            throw new BlobChangedException($"{name} changed.");
        }

        return Task.FromResult<Stream>(new MemoryStream(blob.Content, writable: false));
    }

    public async Task WriteAsync(string site, LandingArea area, string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        Put(site, area, name, copy.ToArray(), contentType);
    }

    public Task<bool> DeleteIfUnchangedAsync(string site, LandingArea area, string name, string ifMatchETag, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue((site, area, name), out var blob) && blob.ETag == ifMatchETag && _blobs.Remove((site, area, name)));

    internal sealed record Stored(byte[] Content, string ETag, string ContentType, DateTimeOffset LastModified);
}
