namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>
/// Mergeable sufficient statistics of a mean and a variance: the count, the sum and the sum of
/// squares, kept in <see cref="decimal"/>. Every value the registry summarises has at most a few
/// decimal places (instrument scores, utilities, differences of them), so decimal sums are exact
/// and merging is exactly associative and commutative: a pooled figure equals the figure
/// computed from all records at once, digit for digit. The textbook one-pass variance
/// (sum of squares minus squared sum over n) loses precision in binary floating point (Chan TF,
/// Golub GH, LeVeque RJ. Am Stat 1983;37(3):242-7); in 28-digit decimal arithmetic over exact
/// sums it does not, which is why no pairwise (Chan) update is needed here.
/// </summary>
/// <param name="N">Number of values.</param>
/// <param name="Sum">Sum of the values.</param>
/// <param name="SumOfSquares">Sum of the squared values.</param>
public readonly record struct MomentSums(long N, decimal Sum, decimal SumOfSquares)
{
    /// <summary>No values.</summary>
    public static MomentSums Empty => default;

    /// <summary>These sums with one more value.</summary>
    /// <param name="value">The value.</param>
    public MomentSums Add(decimal value) => new(checked(N + 1), Sum + value, SumOfSquares + (value * value));

    /// <summary>These sums with a value counted <paramref name="count"/> times.</summary>
    /// <param name="value">The value.</param>
    /// <param name="count">How many times (0 or more).</param>
    public MomentSums Add(decimal value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(checked(N + count), Sum + (value * count), SumOfSquares + (value * value * count));
    }

    /// <summary>The sums of two disjoint sets of values (site to pooled).</summary>
    /// <param name="other">The other sums.</param>
    public MomentSums Merge(MomentSums other) => new(checked(N + other.N), Sum + other.Sum, SumOfSquares + other.SumOfSquares);

    /// <summary>The sums of many disjoint sets of values.</summary>
    /// <param name="parts">The parts.</param>
    public static MomentSums MergeAll(IEnumerable<MomentSums> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(Empty, (a, b) => a.Merge(b));
    }

    /// <summary>The arithmetic mean, or null when there is no value.</summary>
    public decimal? Mean => N == 0 ? null : Sum / N;

    /// <summary>The sample variance (denominator n - 1), or null when n &lt; 2.</summary>
    public decimal? Variance => N < 2 ? null : Math.Max(0m, (SumOfSquares - (Sum * Sum / N)) / (N - 1));

    /// <summary>The sample standard deviation, or null when n &lt; 2.</summary>
    public double? StandardDeviation => Variance is { } v ? Math.Sqrt((double)v) : null;
}
