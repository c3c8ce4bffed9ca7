namespace SpineMetsRegistry.Api.Uploads;

/// <summary>Reads a request body and stops with <see cref="UploadTooLargeException"/> once it passes the limit (a body without a Content-Length is counted as it streams).</summary>
internal sealed class SizeLimitedStream(Stream inner, long limit) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        BytesRead += read;
        return BytesRead > limit ? throw new UploadTooLargeException() : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The body passed the upload limit.</summary>
public sealed class UploadTooLargeException : IOException
{
    /// <summary>Creates the exception.</summary>
    public UploadTooLargeException()
        : base("The upload passed the size limit.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
