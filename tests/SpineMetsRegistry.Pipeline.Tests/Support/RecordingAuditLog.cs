using System.Runtime.CompilerServices;
using SpineMetsRegistry.Pipeline.Audit;

namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>An audit log in memory that honours idempotency keys like the real one.</summary>
internal sealed class RecordingAuditLog : IAuditLog
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public List<AuditEntry> Entries { get; } = [];

    public Task AppendAsync(AuditEntry entry, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is null || _keys.Add(idempotencyKey))
        {
            Entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AuditEntry> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var entry in Entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) == day))
        {
            yield return entry;
        }
    }
}
