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
    // Ascending distinct (normalised) values and their counts, never changed once made.
    private readonly decimal[] values;
    private readonly long[] counts;

    internal ValueCounts(decimal[] values, long[] counts, MomentSums moments)
    {
        this.values = values;
        this.counts = counts;
        Moments = moments;
    }

    /// <summary>No values.</summary>
    public static ValueCounts Empty { get; } = new([], [], MomentSums.Empty);

    /// <summary>Counts of the given values.</summary>
    /// <param name="values">The values.</param>
    public static ValueCounts Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new ValueCountsBuilder();
        foreach (var value in values)
        {
            builder.Add(value);
        }

        return builder.ToValueCounts();
    }

    /// <summary>Counts rebuilt from stored (value, count) pairs, e.g. a site's persisted statistics.</summary>
    /// <param name="entries">Pairs; a value may appear more than once (its counts add); counts must be 0 or more.</param>
    public static ValueCounts FromEntries(IEnumerable<KeyValuePair<decimal, long>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new ValueCountsBuilder();
        foreach (var (value, count) in entries)
        {
            builder.Add(value, count);
        }

        return builder.ToValueCounts();
    }

    /// <summary>The counts per value, in ascending value order (only values with a count above 0).</summary>
    public IEnumerable<KeyValuePair<decimal, long>> Entries
    {
        get
        {
            for (var i = 0; i < values.Length; i++)
            {
                yield return new KeyValuePair<decimal, long>(values[i], counts[i]);
            }
        }
    }

    /// <summary>The count, sum and sum of squares of the values.</summary>
    public MomentSums Moments { get; }

    /// <summary>Number of values.</summary>
    public long N => Moments.N;

    /// <summary>These counts with one more value.</summary>
    /// <param name="value">The value.</param>
    public ValueCounts Add(decimal value) => Add(value, 1);

    /// <summary>These counts with a value counted <paramref name="count"/> more times (a copy: use a <see cref="ValueCountsBuilder"/> to add many).</summary>
    /// <param name="value">The value.</param>
    /// <param name="count">How many (0 or more).</param>
    public ValueCounts Add(decimal value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return this;
        }

        var builder = new ValueCountsBuilder();
        builder.Add(this);
        builder.Add(value, count);
        return builder.ToValueCounts();
    }

    /// <summary>The stored form of a value: 1.0 and 1.00 are the same value and share one count.</summary>
    internal static decimal Normalised(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>The counts of two disjoint sets of values (site to pooled): associative and commutative.</summary>
    /// <param name="other">The other counts.</param>
    public ValueCounts Merge(ValueCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.values.Length == 0)
        {
            return this;
        }

        if (values.Length == 0)
        {
            return other;
        }

        var builder = new ValueCountsBuilder();
        builder.Add(this);
        builder.Add(other);
        return builder.ToValueCounts();
    }

    /// <summary>The counts of many disjoint sets of values.</summary>
    /// <param name="parts">The parts.</param>
    public static ValueCounts MergeAll(IEnumerable<ValueCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new ValueCountsBuilder();
        foreach (var part in parts)
        {
            builder.Add(part);
        }

        return builder.ToValueCounts();
    }

    /// <summary>The arrays, for a builder that adds these counts to its own.</summary>
    internal (decimal[] Values, long[] Counts) Arrays => (values, counts);

    /// <summary>Smallest value, or null when empty.</summary>
    public decimal? Min => values.Length == 0 ? null : values[0];

    /// <summary>Largest value, or null when empty.</summary>
    public decimal? Max => values.Length == 0 ? null : values[^1];

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
        for (var i = 0; i < values.Length; i++)
        {
            cumulative += counts[i];
            if (cumulative >= rank)
            {
                return values[i];
            }
        }

        return values[^1];
    }
}

/// <summary>
/// Builds <see cref="ValueCounts"/> from many values or many counts, in place: what a site's
/// statistics are folded into patient by patient, and what merges many cells at once. Adding the
/// same values in any order gives the same counts.
/// </summary>
public sealed class ValueCountsBuilder
{
    private readonly SortedCountsBuilder<long> _counts = new((a, b) => checked(a + b));
    private MomentSums _moments;

    /// <summary>Adds one value.</summary>
    /// <param name="value">The value.</param>
    public void Add(decimal value) => Add(value, 1);

    /// <summary>Adds a value counted <paramref name="count"/> times.</summary>
    /// <param name="value">The value.</param>
    /// <param name="count">How many (0 or more).</param>
    public void Add(decimal value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        _counts.Add(ValueCounts.Normalised(value), count);
        _moments = _moments.Add(value, count);
    }

    /// <summary>Adds the counts of another, disjoint set of values.</summary>
    /// <param name="counts">The counts.</param>
    public void Add(ValueCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (values, numbers) = counts.Arrays;
        _counts.AddSorted(values, numbers);
        _moments = _moments.Merge(counts.Moments);
    }

    /// <summary>The counts added so far.</summary>
    public ValueCounts ToValueCounts()
    {
        var (values, counts) = _counts.ToArrays();
        return values.Length == 0 ? ValueCounts.Empty : new ValueCounts(values, counts, _moments);
    }
}
