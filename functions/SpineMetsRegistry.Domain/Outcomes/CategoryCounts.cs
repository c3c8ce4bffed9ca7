using System.Collections.Immutable;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>
/// Mergeable counts per category (e.g. SAVES grade, ambulatory status at a time point, neurological
/// change): the site counts add to the pooled counts. Keys are ordinal strings (codes).
/// </summary>
public sealed class CategoryCounts
{
    private readonly ImmutableSortedDictionary<string, long> counts;

    private CategoryCounts(ImmutableSortedDictionary<string, long> counts) => this.counts = counts;

    /// <summary>No observation.</summary>
    public static CategoryCounts Empty { get; } = new(ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal));

    /// <summary>Counts in category order (ordinal).</summary>
    public IEnumerable<KeyValuePair<string, long>> Entries => counts;

    /// <summary>Total of all categories.</summary>
    public long Total => counts.Values.Sum();

    /// <summary>The count of a category (0 when absent).</summary>
    /// <param name="category">The category code.</param>
    public long this[string category] => counts.TryGetValue(category, out var n) ? n : 0;

    /// <summary>These counts with one more observation.</summary>
    /// <param name="category">The category code.</param>
    public CategoryCounts Add(string category) => Add(category, 1);

    /// <summary>These counts with <paramref name="count"/> more observations of a category.</summary>
    /// <param name="category">The category code.</param>
    /// <param name="count">0 or more.</param>
    public CategoryCounts Add(string category, long count)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 0 ? this : new CategoryCounts(counts.SetItem(category, checked(this[category] + count)));
    }

    /// <summary>The counts of two disjoint sets (site to pooled).</summary>
    /// <param name="other">The other counts.</param>
    public CategoryCounts Merge(CategoryCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.counts.Aggregate(this, (acc, e) => acc.Add(e.Key, e.Value));
    }
}
