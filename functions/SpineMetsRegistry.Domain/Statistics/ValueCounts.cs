using System.Collections.Immutable;

namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>
/// Mergeable counts per distinct value. Every instrument the registry summarises has a finite
/// value set (NRS 0-10, SOSGOQ scores on a fixed grid, EQ-5D indices of a value set's health
/// states), so a site keeps one count per value and the pooled counts are the sums: medians and
/// quartiles are then exact, never estimated from bins, and the mean and standard deviation
/// follow from the same counts (<see cref="Moments"/>).
/// <para>
/// Quantiles use Hyndman and Fan's definition 7 (Hyndman RJ, Fan Y. Sample quantiles in
/// statistical packages. Am Stat 1996;50(4):361-5), the default of R's <c>quantile</c> and of
/// spreadsheet <c>PERCENTILE.INC</c>: with the values sorted x(1) &lt;= ... &lt;= x(n) and
/// h = (n - 1)p + 1, Q(p) = x(floor h) + (h - floor h)(x(floor h + 1) - x(floor h)). The median
/// is the usual one (the middle value, or the mean of the two middle values).
/// </para>
/// </summary>
public sealed class ValueCounts
{
    private readonly ImmutableSortedDictionary<decimal, long> counts;

    private ValueCounts(ImmutableSortedDictionary<decimal, long> counts, MomentSums moments)
    {
        this.counts = counts;
        Moments = moments;
    }

    /// <summary>No values.</summary>
    public static ValueCounts Empty { get; } = new(ImmutableSortedDictionary<decimal, long>.Empty, MomentSums.Empty);

    /// <summary>Counts of the given values.</summary>
    /// <param name="values">The values.</param>
    public static ValueCounts Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Aggregate(Empty, (c, v) => c.Add(v));
    }

    /// <summary>Counts rebuilt from stored (value, count) pairs, e.g. a site's persisted statistics.</summary>
    /// <param name="entries">Pairs; a value may appear more than once (its counts add); counts must be 0 or more.</param>
    public static ValueCounts FromEntries(IEnumerable<KeyValuePair<decimal, long>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = ImmutableSortedDictionary.CreateBuilder<decimal, long>();
        var moments = MomentSums.Empty;
        foreach (var (value, count) in entries)
        {
            moments = AddTo(builder, moments, value, count);
        }

        return new ValueCounts(builder.ToImmutable(), moments);
    }

    /// <summary>The counts per value, in ascending value order (only values with a count above 0).</summary>
    public IEnumerable<KeyValuePair<decimal, long>> Entries => counts;

    /// <summary>The count, sum and sum of squares of the values.</summary>
    public MomentSums Moments { get; }

    /// <summary>Number of values.</summary>
    public long N => Moments.N;

    /// <summary>These counts with one more value.</summary>
    /// <param name="value">The value.</param>
    public ValueCounts Add(decimal value) => Add(value, 1);

    /// <summary>These counts with a value counted <paramref name="count"/> more times.</summary>
    /// <param name="value">The value.</param>
    /// <param name="count">How many (0 or more).</param>
    public ValueCounts Add(decimal value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return this;
        }

        var key = Normalised(value);
        var existing = counts.TryGetValue(key, out var c) ? c : 0;
        return new ValueCounts(counts.SetItem(key, checked(existing + count)), Moments.Add(value, count));
    }

    // 1.0 and 1.00 are the same value: normalise the scale so they share one count.
    private static decimal Normalised(decimal value) => value / 1.000000000000000000000000000000000m;

    private static MomentSums AddTo(ImmutableSortedDictionary<decimal, long>.Builder builder, MomentSums moments, decimal value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return moments;
        }

        var key = Normalised(value);
        Count(builder, key, count);
        return moments.Add(value, count);
    }

    /// <summary>Adds to a normalised value's count in a builder.</summary>
    private static void Count(ImmutableSortedDictionary<decimal, long>.Builder builder, decimal key, long count) =>
        builder[key] = checked((builder.TryGetValue(key, out var existing) ? existing : 0) + count);

    /// <summary>The counts of two disjoint sets of values (site to pooled): associative and commutative.</summary>
    /// <param name="other">The other counts.</param>
    public ValueCounts Merge(ValueCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (large, small) = counts.Count >= other.counts.Count ? (this, other) : (other, this);
        if (small.counts.IsEmpty)
        {
            return large;
        }

        // One builder for the whole merge: a value added through the immutable dictionary would
        // copy its path of the tree each time (the committee API merges thousands of values per
        // filter). The stored keys are normalised already, and the sums of disjoint sets add.
        var builder = large.counts.ToBuilder();
        foreach (var (value, count) in small.counts)
        {
            Count(builder, value, count);
        }

        return new ValueCounts(builder.ToImmutable(), large.Moments.Merge(small.Moments));
    }

    /// <summary>The counts of many disjoint sets of values.</summary>
    /// <param name="parts">The parts.</param>
    public static ValueCounts MergeAll(IEnumerable<ValueCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = ImmutableSortedDictionary.CreateBuilder<decimal, long>();
        var moments = MomentSums.Empty;
        foreach (var part in parts)
        {
            foreach (var (value, count) in part.counts)
            {
                Count(builder, value, count);
            }

            moments = moments.Merge(part.Moments);
        }

        return new ValueCounts(builder.ToImmutable(), moments);
    }

    /// <summary>Smallest value, or null when empty.</summary>
    public decimal? Min => counts.IsEmpty ? null : counts.Keys.First();

    /// <summary>Largest value, or null when empty.</summary>
    public decimal? Max => counts.IsEmpty ? null : counts.Keys.Last();

    /// <summary>The exact median (Hyndman-Fan 7 at p = 0.5), or null when empty.</summary>
    public decimal? Median => Quantile(0.5m);

    /// <summary>The exact first quartile (Hyndman-Fan 7), or null when empty.</summary>
    public decimal? FirstQuartile => Quantile(0.25m);

    /// <summary>The exact third quartile (Hyndman-Fan 7), or null when empty.</summary>
    public decimal? ThirdQuartile => Quantile(0.75m);

    /// <summary>The Hyndman-Fan type 7 sample quantile, or null when empty.</summary>
    /// <param name="p">Probability, 0 to 1.</param>
    public decimal? Quantile(decimal p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1m);
        if (N == 0)
        {
            return null;
        }

        var h = ((N - 1) * p) + 1;
        var lowerRank = (long)Math.Floor(h);
        var fraction = h - lowerRank;
        var lower = OrderStatistic(lowerRank);
        if (fraction == 0m || lowerRank >= N)
        {
            return lower;
        }

        var upper = OrderStatistic(lowerRank + 1);
        return lower + (fraction * (upper - lower));
    }

    /// <summary>The k-th smallest value (1-based), read from the cumulative counts.</summary>
    private decimal OrderStatistic(long rank)
    {
        long cumulative = 0;
        foreach (var (value, count) in counts)
        {
            cumulative += count;
            if (cumulative >= rank)
            {
                return value;
            }
        }

        return counts.Keys.Last();
    }
}
