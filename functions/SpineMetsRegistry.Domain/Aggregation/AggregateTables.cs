namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>The kinds of aggregate table.</summary>
public enum AggregateKind
{
    /// <summary>Counts of patients (or visits) per combination of dimension values.</summary>
    Count,

    /// <summary>A numeric distribution per combination of dimension values.</summary>
    Distribution,
}

/// <summary>One cell of a count table.</summary>
/// <param name="Keys">Dimension values, in the table's dimension order.</param>
/// <param name="Count">How many.</param>
public sealed record CountCell(IReadOnlyList<string> Keys, int Count);

/// <summary>
/// One cell of a distribution table, kept as mergeable sums (n, sum, sum of squares, min,
/// max, fixed-width bin counts) so site tables add up exactly to the pooled table without
/// re-reading any record. Quantiles are estimated from the bins.
/// </summary>
/// <param name="Keys">Dimension values.</param>
/// <param name="N">Number of values.</param>
/// <param name="Sum">Sum of values.</param>
/// <param name="SumOfSquares">Sum of squared values.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Bins">Counts per bin of the table's binning.</param>
public sealed record DistributionCell(IReadOnlyList<string> Keys, int N, decimal Sum, decimal SumOfSquares, decimal Min, decimal Max, IReadOnlyList<int> Bins);

/// <summary>Fixed-width bins: [Start, Start+Width), ..., the last closed at End.</summary>
/// <param name="Start">Lower edge of the first bin.</param>
/// <param name="End">Upper edge of the last bin.</param>
/// <param name="Width">Bin width.</param>
public sealed record Binning(decimal Start, decimal End, decimal Width)
{
    /// <summary>Number of bins.</summary>
    public int Count => checked((int)Math.Ceiling((End - Start) / Width));

    /// <summary>The bin of a value (values outside are clamped to the first or last bin).</summary>
    public int IndexOf(decimal value) => Math.Clamp((int)Math.Floor((value - Start) / Width), 0, Count - 1);
}

/// <summary>
/// An aggregate table: named, with dimensions, and either count cells or distribution
/// cells. Raw (unsuppressed) counts: suppression is applied when the table leaves the
/// system (<see cref="SmallCellSuppressor"/>).
/// </summary>
public sealed record AggregateTable
{
    /// <summary>Stable name, e.g. "enrollment.by_month_primary".</summary>
    public required string Name { get; init; }

    /// <summary>Title for people.</summary>
    public required string Title { get; init; }

    /// <summary>Count or distribution.</summary>
    public required AggregateKind Kind { get; init; }

    /// <summary>Dimension names (field codes or derived names such as "month").</summary>
    public required IReadOnlyList<string> Dimensions { get; init; }

    /// <summary>What is counted ("patients" or "visits").</summary>
    public required string Unit { get; init; }

    /// <summary>Count cells (count tables).</summary>
    public IReadOnlyList<CountCell> Counts { get; init; } = [];

    /// <summary>Distribution cells (distribution tables).</summary>
    public IReadOnlyList<DistributionCell> Distributions { get; init; } = [];

    /// <summary>The binning of distribution cells.</summary>
    public Binning? Binning { get; init; }

    /// <summary>Notes on definitions (e.g. which value set, how months are derived).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
