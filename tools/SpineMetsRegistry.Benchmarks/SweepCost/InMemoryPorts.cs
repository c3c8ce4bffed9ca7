using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Benchmarks.SweepCost;

/// <summary>The reminder log in memory, counting notice reads (one point read each in Table Storage).</summary>
internal sealed class InMemoryReminderLog : IReminderLog
{
    private readonly ConcurrentDictionary<(string, string, string), ReminderNotice> _notices = new();
    private SweepWatermark? _watermark;
    private string? _protocol;
    private long _noticeReads;

    public long NoticeReads => Interlocked.Read(ref _noticeReads);

    public void ResetCounters() => Interlocked.Exchange(ref _noticeReads, 0);

    public Task<SweepWatermark?> GetWatermarkAsync(CancellationToken cancellationToken = default) => Task.FromResult(_watermark);

    public Task SetWatermarkAsync(SweepWatermark watermark, CancellationToken cancellationToken = default)
    {
        _watermark = watermark;
        return Task.CompletedTask;
    }

    public Task<string?> GetAppliedProtocolAsync(CancellationToken cancellationToken = default) => Task.FromResult(_protocol);

    public Task SetAppliedProtocolAsync(string fingerprint, CancellationToken cancellationToken = default)
    {
        _protocol = fingerprint;
        return Task.CompletedTask;
    }

    public Task<ReminderNotice?> GetLastNoticeAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _noticeReads);
        return Task.FromResult(_notices.TryGetValue((site, studyId, timePoint), out var notice) ? notice : null);
    }

    public Task RecordNoticeAsync(string site, string studyId, string timePoint, ReminderNotice notice, CancellationToken cancellationToken = default)
    {
        _notices[(site, studyId, timePoint)] = notice;
        return Task.CompletedTask;
    }
}

/// <summary>Site containers in memory (the digests the sweep writes).</summary>
internal sealed class InMemoryLandingBlobs : ILandingBlobs
{
    private readonly ConcurrentDictionary<(string, LandingArea, string), (byte[] Bytes, string ETag)> _blobs = new();

    public async IAsyncEnumerable<LandingBlob> ListAsync(string site, LandingArea area, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var ((s, a, name), blob) in _blobs)
        {
            if (s == site && a == area)
            {
                yield return new LandingBlob(site, name, blob.ETag, blob.Bytes.Length, DateTimeOffset.UnixEpoch);
            }
        }

        await Task.CompletedTask;
    }

    public Task<LandingBlob?> GetAsync(string site, LandingArea area, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue((site, area, name), out var blob) ? new LandingBlob(site, name, blob.ETag, blob.Bytes.Length, DateTimeOffset.UnixEpoch) : null);

    public Task<Stream> OpenReadAsync(string site, LandingArea area, string name, string? ifMatchETag = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new MemoryStream(_blobs[(site, area, name)].Bytes, writable: false));

    public async Task WriteAsync(string site, LandingArea area, string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _blobs[(site, area, name)] = (buffer.ToArray(), "\"" + Guid.NewGuid().ToString("N") + "\"");
    }

    public Task<bool> DeleteIfUnchangedAsync(string site, LandingArea area, string name, string ifMatchETag, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryRemove((site, area, name), out _));
}

/// <summary>The audit log in memory (idempotency keys honoured).</summary>
internal sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentDictionary<string, byte> _keys = new();
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public Task AppendAsync(AuditEntry entry, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is null || _keys.TryAdd(idempotencyKey, 0))
        {
            _entries.Enqueue(entry);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AuditEntry> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var entry in _entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) == day))
        {
            yield return entry;
        }

        await Task.CompletedTask;
    }
}

/// <summary>Aggregates in memory (the committee digest).</summary>
internal sealed class InMemoryAggregateStore : IAggregateStore
{
    private readonly ConcurrentDictionary<(string, string), AggregateDocument> _documents = new();
    private readonly ConcurrentDictionary<(string, string), long> _versions = new();

    public Task WriteAsync(IReadOnlyList<AggregateDocument> documents, CancellationToken cancellationToken = default)
    {
        foreach (var document in documents)
        {
            _documents[(document.Scope, document.Name)] = document;
            _versions.AddOrUpdate((document.Scope, document.Name), 1, (_, version) => version + 1);
        }

        return Task.CompletedTask;
    }

    public Task<AggregateDocument?> ReadAsync(string scope, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue((scope, name), out var document) ? document : null);

    public async IAsyncEnumerable<AggregateDocument> ListAsync(string scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var document in _documents.Values.Where(d => d.Scope == scope))
        {
            yield return document;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<AggregateVersion> ListVersionsAsync(string scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var document in _documents.Values.Where(d => d.Scope == scope))
        {
            yield return new AggregateVersion(document.Name, _versions[(scope, document.Name)].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Task.CompletedTask;
    }

    public Task DeleteOthersAsync(string scope, IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default)
    {
        foreach (var key in _documents.Keys.Where(k => k.Item1 == scope && !keep.Contains(k.Item2)))
        {
            _documents.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}
