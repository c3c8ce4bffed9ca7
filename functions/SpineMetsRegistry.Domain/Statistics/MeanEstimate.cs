namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>A sample mean with its 95% confidence interval.</summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n - 1), null when n &lt; 2.</param>
/// <param name="StandardError">Standard error of the mean, null when n &lt; 2.</param>
/// <param name="Interval">The 95% t interval, null when n &lt; 2.</param>
public sealed record MeanEstimate(long N, double Mean, double? StandardDeviation, double? StandardError, ConfidenceInterval? Interval)
{
    /// <summary>
    /// The mean with the Student t interval mean ± t(0.975, n - 1) × s / √n ("Student", Biometrika
    /// 1908;6(1):1-25; any introductory text, e.g. Altman DG, Practical Statistics for Medical
    /// Research, 1991, §8.5), the t quantile from MathNet.Numerics. Null when there is no value.
    /// </summary>
    /// <param name="sums">The sufficient statistics.</param>
    public static MeanEstimate? From(MomentSums sums)
    {
        if (sums.Mean is not { } mean)
        {
            return null;
        }

        if (sums.StandardDeviation is not { } sd)
        {
            return new MeanEstimate(sums.N, (double)mean, null, null, null);
        }

        var se = sd / Math.Sqrt(sums.N);
        var half = ConfidenceLevel.StudentTQuantile(sums.N - 1) * se;
        return new MeanEstimate(sums.N, (double)mean, sd, se, new ConfidenceInterval((double)mean - half, (double)mean + half));
    }
}
