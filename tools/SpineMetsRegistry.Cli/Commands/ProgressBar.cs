using System.Globalization;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>An upload's progress on the error stream: a bar redrawn in place, at most every 2 %, for large files only.</summary>
internal sealed class ProgressBar(TextWriter error, string name, long total, bool visible) : IDisposable
{
    private const int Width = 30;
    private int _lastPercent = -1;
    private bool _finished;

    public void Report(long sent)
    {
        if (!visible || total <= 0)
        {
            return;
        }

        var percent = (int)Math.Min(100, sent * 100 / total);
        if (percent < _lastPercent + 2 && percent != 100)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        lock (error)
        {
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\rUploading {name} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {sent / 1048576.0:0.0} of {total / 1048576.0:0.0} MiB"));
        }
    }

    public void Finish()
    {
        if (visible && !_finished && _lastPercent >= 0)
        {
            error.WriteLine();
        }

        _finished = true;
    }

    public void Dispose() => Finish();
}

/// <summary>Reports how many bytes have been read through it.</summary>
internal sealed class ProgressStream(Stream inner, Action<long> report) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        report(_read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
