namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// A published committee table: named columns and rows of values, every count already passed
/// through the scope's <see cref="DisclosureGrid"/>. A hidden count is the text "&lt;threshold"
/// (a small count) or "suppressed" (hidden to protect another cell); the statistics that would
/// reveal it are null.
/// </summary>
/// <param name="Name">Stable name, e.g. "outcomes.summary".</param>
/// <param name="Title">Title for people.</param>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Rows: numbers, texts or nulls, one per column.</param>
/// <param name="Notes">Definitions and the privacy rule of the table.</param>
public sealed record StatisticsTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<string> Notes);

/// <summary>What a filter and a scope published.</summary>
/// <param name="Scope">"pooled" or "site:&lt;code&gt;".</param>
/// <param name="Filter">The filter answered.</param>
/// <param name="Threshold">The small-cell threshold.</param>
/// <param name="Tables">The tables.</param>
public sealed record PublishedStatistics(string Scope, CellKey Filter, int Threshold, IReadOnlyList<StatisticsTable> Tables);
