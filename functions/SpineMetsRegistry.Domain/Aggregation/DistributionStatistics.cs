namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>Summary statistics of a distribution cell.</summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Mean (exact).</param>
/// <param name="StandardDeviation">Sample standard deviation (exact; null when N &lt; 2).</param>
/// <param name="Min">Minimum (exact).</param>
/// <param name="Q1">First quartile, estimated from the bins.</param>
/// <param name="Median">Median, estimated from the bins.</param>
/// <param name="Q3">Third quartile, estimated from the bins.</param>
/// <param name="Max">Maximum (exact).</param>
public sealed record DistributionSummary(int N, decimal Mean, decimal? StandardDeviation, decimal Min, decimal Q1, decimal Median, decimal Q3, decimal Max);

/// <summary>
/// Statistics of a <see cref="DistributionCell"/>. Mean, standard deviation and extremes
/// are exact; quantiles are interpolated linearly within the fixed-width bins (so within
/// one bin width of the exact value), the price of pooled tables that merge without
/// re-reading records.
/// </summary>
public static class DistributionStatistics
{
    /// <summary>Summarises a cell (rounded to 3 decimals).</summary>
    public static DistributionSummary Summarise(DistributionCell cell, Binning binning)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(binning);
        if (cell.N == 0)
        {
            throw new ArgumentException("An empty cell has no statistics.", nameof(cell));
        }

        var mean = cell.Sum / cell.N;
        decimal? sd = null;
        if (cell.N > 1)
        {
            var variance = (cell.SumOfSquares - (cell.Sum * cell.Sum / cell.N)) / (cell.N - 1);
            sd = (decimal)Math.Sqrt((double)Math.Max(variance, 0m));
        }

        return new DistributionSummary(
            cell.N,
            Round(mean),
            sd is { } s ? Round(s) : null,
            cell.Min,
            Round(Quantile(cell, binning, 0.25m)),
            Round(Quantile(cell, binning, 0.5m)),
            Round(Quantile(cell, binning, 0.75m)),
            cell.Max);
    }

    private static decimal Quantile(DistributionCell cell, Binning binning, decimal p)
    {
        var target = p * cell.N;
        var cumulative = 0m;
        for (var i = 0; i < cell.Bins.Count; i++)
        {
            var count = cell.Bins[i];
            if (count > 0 && cumulative + count >= target)
            {
                var lower = Math.Max(binning.Start + (i * binning.Width), cell.Min);
                var upper = Math.Min(binning.Start + ((i + 1) * binning.Width), cell.Max);
                var fraction = (target - cumulative) / count;
                return lower + ((upper - lower) * fraction);
            }

            cumulative += count;
        }

        return cell.Max;
    }

    private static decimal Round(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
