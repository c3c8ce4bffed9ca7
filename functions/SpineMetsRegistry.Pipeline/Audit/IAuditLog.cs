namespace SpineMetsRegistry.Pipeline.Audit;

/// <summary>
/// One audit entry: who did what to what, when, with what outcome. Never contains record
/// values.
/// </summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: "site:S01", "committee:&lt;principal&gt;", "registry" for the pipeline itself.</param>
/// <param name="Action">What: "upload", "validate", "store", "quarantine", "report.read", "export", "withdraw", "reminders.send"...</param>
/// <param name="Target">On what: a batch key, a report name, an aggregate...</param>
/// <param name="Outcome">"ok", "rejected", "quarantined", "failed", "denied"...</param>
/// <param name="Detail">Short detail (counts); never record values.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target, string Outcome, string? Detail);

/// <summary>
/// The append-only audit log. Entries are never updated or deleted; an entry written with
/// an idempotency key is written once however often the writing activity is retried.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an entry; with an <paramref name="idempotencyKey"/>, a repeated append is a no-op.</summary>
    Task AppendAsync(AuditEntry entry, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the entries of one UTC day in time order.</summary>
    IAsyncEnumerable<AuditEntry> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default);
}
