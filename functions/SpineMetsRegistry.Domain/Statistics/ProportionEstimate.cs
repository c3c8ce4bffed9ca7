namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>A proportion with its Wilson 95% confidence interval.</summary>
/// <param name="Successes">Numerator.</param>
/// <param name="Total">Denominator.</param>
/// <param name="Proportion">Successes / total.</param>
/// <param name="Interval">The Wilson score interval.</param>
public sealed record ProportionEstimate(long Successes, long Total, double Proportion, ConfidenceInterval Interval)
{
    /// <summary>
    /// The proportion with the Wilson score interval without continuity correction (Wilson EB,
    /// J Am Stat Assoc 1927;22:209-12; method 3 of Newcombe RG, Stat Med 1998;17(8):857-72):
    /// (2np̂ + z² ± z√(z² + 4np̂(1 - p̂))) / (2(n + z²)), z the normal 0.975 quantile. It stays
    /// inside [0, 1] and behaves at 0 and n, unlike the Wald interval. Null when the total is 0.
    /// </summary>
    /// <param name="successes">Numerator, 0 to total.</param>
    /// <param name="total">Denominator.</param>
    public static ProportionEstimate? Wilson(long successes, long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, total);
        if (total == 0)
        {
            return null;
        }

        var z = ConfidenceLevel.NormalQuantile;
        var n = (double)total;
        var p = successes / n;
        var centre = (2 * n * p) + (z * z);
        var spread = z * Math.Sqrt((z * z) + (4 * n * p * (1 - p)));
        var denominator = 2 * (n + (z * z));
        // At 0 and n the limits are exactly 0 and 1; computing them avoids a -1e-17.
        var lower = successes == 0 ? 0 : (centre - spread) / denominator;
        var upper = successes == total ? 1 : (centre + spread) / denominator;
        return new ProportionEstimate(successes, total, p, new ConfidenceInterval(lower, upper));
    }
}

/// <summary>Mergeable numerator and denominator of a proportion (site to pooled by addition).</summary>
/// <param name="Successes">Numerator.</param>
/// <param name="Total">Denominator.</param>
public readonly record struct ProportionCounts(long Successes, long Total)
{
    /// <summary>These counts with one more observation.</summary>
    /// <param name="success">Whether it counts in the numerator.</param>
    public ProportionCounts Add(bool success) => new(checked(Successes + (success ? 1 : 0)), checked(Total + 1));

    /// <summary>The counts of two disjoint sets.</summary>
    /// <param name="other">The other counts.</param>
    public ProportionCounts Merge(ProportionCounts other) => new(checked(Successes + other.Successes), checked(Total + other.Total));

    /// <summary>The proportion with its Wilson interval, null when the total is 0.</summary>
    public ProportionEstimate? Estimate() => ProportionEstimate.Wilson(Successes, Total);
}
