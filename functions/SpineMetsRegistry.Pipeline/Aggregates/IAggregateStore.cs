namespace SpineMetsRegistry.Pipeline.Aggregates;

/// <summary>
/// One pre-computed aggregate as stored: a named JSON document for a scope ("pooled" or
/// "site:S01"). Raw counts are stored; small-cell suppression is applied whenever an
/// aggregate leaves the system, so a changed threshold applies at once.
/// </summary>
/// <param name="Scope">"pooled" or "site:&lt;code&gt;".</param>
/// <param name="Name">Aggregate name, e.g. "enrollment.by_month_primary".</param>
/// <param name="Json">The aggregate's data.</param>
/// <param name="RecordCount">How many records it was computed from.</param>
/// <param name="ComputedAt">When (workflow clock).</param>
/// <param name="SourceBatchKey">The batch whose ingest recomputed it.</param>
public sealed record AggregateDocument(string Scope, string Name, string Json, int RecordCount, DateTimeOffset ComputedAt, string SourceBatchKey);

/// <summary>
/// Which version of an aggregate is stored, without its data: a reader that keeps what it
/// computed from a scope's documents checks these instead of reading the documents again.
/// </summary>
/// <param name="Name">Aggregate name.</param>
/// <param name="Version">Changes whenever the document is written (the table entity's ETag).</param>
public sealed record AggregateVersion(string Name, string Version);

/// <summary>Pre-computed aggregates, keyed by scope and name.</summary>
public interface IAggregateStore
{
    /// <summary>Writes (replaces) aggregates; documents are grouped by scope into transactions.</summary>
    Task WriteAsync(IReadOnlyList<AggregateDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Reads one aggregate, or null.</summary>
    Task<AggregateDocument?> ReadAsync(string scope, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the aggregates of a scope.</summary>
    IAsyncEnumerable<AggregateDocument> ListAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// The names and versions of the aggregates of a scope, without their data (a few hundred
    /// bytes a scope, where the documents can be megabytes).
    /// </summary>
    IAsyncEnumerable<AggregateVersion> ListVersionsAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>Deletes the aggregates of a scope that are not in <paramref name="keep"/> (stale names after a change).</summary>
    Task DeleteOthersAsync(string scope, IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default);
}
