using Azure.Storage;

namespace SpineMetsRegistry.Storage.Blobs;

/// <summary>
/// How the registry streams blobs, so a transfer holds a few megabytes whatever the batch's size.
/// </summary>
public static class BlobTransfer
{
    /// <summary>
    /// Bytes a read stream downloads per request. The SDK's default is 4 MiB, rented from the
    /// shared pool per open stream (a large-object array), and an ingest reads eight staged
    /// chunks at once.
    /// </summary>
    public const int ReadBufferBytes = 1024 * 1024;

    /// <summary>The most an upload sends in its first request and in each block.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Upload options for a stream whose length the SDK may not know (a blob's read stream, an
    /// HTTP request body): with its defaults the SDK buffers up to 256 MB of such a stream in
    /// memory to decide whether one request will do, so copying a batch into the raw area held
    /// the whole batch. With these it sends blocks of <see cref="BlockBytes"/>, two in flight, so
    /// a create-only upload of more than one block is refused at its commit, not its first request.
    /// </summary>
    public static StorageTransferOptions Bounded => new()
    {
        InitialTransferSize = BlockBytes,
        MaximumTransferSize = BlockBytes,
        MaximumConcurrency = 2,
    };
}
