using Azure;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Blobs;

/// <summary>
/// Wraps a blob read stream pinned to one ETag: when the blob is overwritten while it is
/// being read, the next ranged read fails with 412, which surfaces here as
/// <see cref="BlobChangedException"/> (the port's meaning) instead of a raw Azure error.
/// </summary>
internal sealed class ChangeDetectingStream(Stream inner, string description) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (RequestFailedException failed) when (failed.IsPreconditionFailed())
        {
            throw Changed(failed);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (RequestFailedException failed) when (failed.IsPreconditionFailed())
        {
            throw Changed(failed);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private BlobChangedException Changed(RequestFailedException failed) =>
        new($"{description} was overwritten while it was being read.", failed);
}
