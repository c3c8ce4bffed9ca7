using System.Globalization;

namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>A count cell as published: the count, or a suppression marker.</summary>
/// <param name="Keys">Dimension values.</param>
/// <param name="Count">The count, or null when suppressed.</param>
/// <param name="Display">What people see: the count, "&lt;11" for a small count, or "suppressed" for a cell hidden to protect another.</param>
/// <param name="Suppression">Null, "primary" (a small cell) or "complementary" (hidden so a small cell cannot be derived).</param>
public sealed record PublishedCount(IReadOnlyList<string> Keys, int? Count, string Display, string? Suppression);

/// <summary>A distribution cell as published: its statistics, or nothing but a suppression marker.</summary>
/// <param name="Keys">Dimension values.</param>
/// <param name="Summary">Statistics, or null when suppressed.</param>
/// <param name="Display">The number of values as people see it (e.g. "&lt;11").</param>
/// <param name="Suppressed">Whether the cell is suppressed.</param>
public sealed record PublishedDistribution(IReadOnlyList<string> Keys, DistributionSummary? Summary, string Display, bool Suppressed);

/// <summary>An aggregate table fit to leave the system.</summary>
public sealed record PublishedTable
{
    /// <summary>Table name.</summary>
    public required string Name { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>Count or distribution.</summary>
    public required AggregateKind Kind { get; init; }

    /// <summary>Dimension names.</summary>
    public required IReadOnlyList<string> Dimensions { get; init; }

    /// <summary>What is counted.</summary>
    public required string Unit { get; init; }

    /// <summary>The suppression threshold applied: counts from 1 to threshold-1 are hidden.</summary>
    public required int Threshold { get; init; }

    /// <summary>Count cells.</summary>
    public IReadOnlyList<PublishedCount> Counts { get; init; } = [];

    /// <summary>Distribution cells.</summary>
    public IReadOnlyList<PublishedDistribution> Distributions { get; init; } = [];

    /// <summary>Notes on definitions and on suppression.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Small-cell suppression, applied to every aggregate that leaves the system. Counts from
/// 1 to <c>threshold - 1</c> are hidden (0 may be shown), following the CMS/NIH data use
/// rule "no cell 1-10" with the default threshold 11. Complementary suppression: within
/// every line of a table (cells that differ in one dimension only, whose total is
/// published elsewhere), a line never has exactly one hidden cell; the next smallest cell
/// is hidden too. A distribution whose number of values is below the threshold shows no
/// statistic at all (suppressing a subject count suppresses every statistic of the group).
/// Bin counts are never published.
/// </summary>
public static class SmallCellSuppressor
{
    /// <summary>The default threshold (counts 1-10 hidden).</summary>
    public const int DefaultThreshold = 11;

    /// <summary>
    /// What a cell hidden only to protect a neighbour shows: it claims no range, since its true
    /// count may be large (labelling it "&lt;11" would be false).
    /// </summary>
    public const string Suppressed = "suppressed";

    /// <summary>Suppresses a table.</summary>
    public static PublishedTable Publish(AggregateTable table, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var marker = string.Create(CultureInfo.InvariantCulture, $"<{threshold}");
        var notes = table.Notes.Append(string.Create(CultureInfo.InvariantCulture,
            $"Small cells suppressed: counts of 1 to {threshold - 1} are shown as {marker}; cells shown as \"{Suppressed}\" are hidden (whatever their size) so that a small cell cannot be derived.")).ToList();

        var published = new PublishedTable
        {
            Name = table.Name,
            Title = table.Title,
            Kind = table.Kind,
            Dimensions = table.Dimensions,
            Unit = table.Unit,
            Threshold = threshold,
            Notes = notes,
        };

        if (table.Kind == AggregateKind.Distribution)
        {
            var binning = table.Binning ?? throw new InvalidOperationException($"Distribution table {table.Name} has no binning.");
            return published with
            {
                Distributions = table.Distributions.Select(cell => cell.N > 0 && cell.N < threshold
                        ? new PublishedDistribution(cell.Keys, null, marker, Suppressed: true)
                        : new PublishedDistribution(cell.Keys, cell.N == 0 ? null : DistributionStatistics.Summarise(cell, binning), cell.N.ToString(CultureInfo.InvariantCulture), Suppressed: false))
                    .ToList(),
            };
        }

        var counts = table.Counts.ToList();
        var suppression = counts.Select(c => c.Count > 0 && c.Count < threshold ? "primary" : null).ToArray();
        ApplyComplementary(counts, suppression, table.Dimensions.Count);
        return published with
        {
            Counts = counts.Select((c, i) => suppression[i] is null
                    ? new PublishedCount(c.Keys, c.Count, c.Count.ToString(CultureInfo.InvariantCulture), null)
                    : new PublishedCount(c.Keys, null, suppression[i] == "primary" ? marker : Suppressed, suppression[i]))
                .ToList(),
        };
    }

    private static void ApplyComplementary(List<CountCell> cells, string?[] suppression, int dimensions)
    {
        if (dimensions == 0)
        {
            return;
        }

        bool changed;
        do
        {
            changed = false;
            for (var dimension = 0; dimension < dimensions; dimension++)
            {
                var lines = Enumerable.Range(0, cells.Count)
                    .GroupBy(i => string.Join('\u001f', cells[i].Keys.Where((_, k) => k != dimension)), StringComparer.Ordinal);
                foreach (var line in lines)
                {
                    var members = line.ToList();
                    if (members.Count(i => suppression[i] is not null) != 1)
                    {
                        continue;
                    }

                    var partner = members
                        .Where(i => suppression[i] is null && cells[i].Count > 0)
                        .OrderBy(i => cells[i].Count)
                        .ThenBy(i => string.Join('\u001f', cells[i].Keys), StringComparer.Ordinal)
                        .Cast<int?>()
                        .FirstOrDefault();
                    if (partner is { } index)
                    {
                        suppression[index] = "complementary";
                        changed = true;
                    }
                }
            }
        }
        while (changed);
    }
}
