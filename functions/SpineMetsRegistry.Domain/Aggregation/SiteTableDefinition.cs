using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>
/// One site table as <see cref="SiteAggregateAccumulator"/> builds it: its description, which
/// records it counts, how a record's cell keys are read and, for a distribution, its value and bins.
/// </summary>
/// <param name="Name">Table name.</param>
/// <param name="Title">Title.</param>
/// <param name="Kind">Count or distribution.</param>
/// <param name="Dimensions">Dimension names.</param>
/// <param name="Unit">What is counted.</param>
/// <param name="RecordKind">The kind of record counted, or null for every record.</param>
/// <param name="Keys">A record's cell keys.</param>
/// <param name="Value">A distribution's value of a record (null: not counted); null for a count table.</param>
/// <param name="Binning">A distribution's bins; null for a count table.</param>
/// <param name="Notes">Notes.</param>
internal sealed record SiteTableDefinition(
    string Name,
    string Title,
    AggregateKind Kind,
    IReadOnlyList<string> Dimensions,
    string Unit,
    RecordKind? RecordKind,
    Func<AggregationRecord, IReadOnlyList<string>> Keys,
    Func<AggregationRecord, decimal?>? Value,
    Binning? Binning,
    IReadOnlyList<string> Notes)
{
    /// <summary>A count table.</summary>
    public static SiteTableDefinition Count(
        string name, string title, IReadOnlyList<string> dimensions, string unit, RecordKind? kind,
        Func<AggregationRecord, IReadOnlyList<string>> keys, IReadOnlyList<string>? notes = null) =>
        new(name, title, AggregateKind.Count, dimensions, unit, kind, keys, null, null, notes ?? []);

    /// <summary>A distribution table.</summary>
    public static SiteTableDefinition Distribution(
        string name, string title, IReadOnlyList<string> dimensions, string unit, RecordKind? kind, Binning binning,
        Func<AggregationRecord, decimal?> value, Func<AggregationRecord, IReadOnlyList<string>> keys, IReadOnlyList<string>? notes = null) =>
        new(name, title, AggregateKind.Distribution, dimensions, unit, kind, keys, value, binning, notes ?? []);

    /// <summary>Whether the table counts this record.</summary>
    public bool Counts(AggregationRecord record) => RecordKind is not { } kind || record.Kind == kind;
}
