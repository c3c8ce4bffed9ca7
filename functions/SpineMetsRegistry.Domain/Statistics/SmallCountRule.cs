using SpineMetsRegistry.Domain.Outcomes;

namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>
/// The small-cell rule applied to statistics (not only to count tables): no published figure
/// may let a reader compute a count from 1 to threshold - 1 (the CMS/NIH "no cell 1-10" rule,
/// default threshold 11, as <c>SmallCellSuppressor</c>).
/// <list type="bullet">
/// <item>A summary (n, mean, CI, median, IQR) is published only when n is at least the threshold.</item>
/// <item>A proportion with its n reveals both its numerator (p × n) and the rest (n − p × n), so a
/// proportion is published only when the total is at least the threshold and the numerator and
/// the rest are each 0 or at least the threshold. This covers the MCID share of change tables,
/// 30/90-day mortality and data-quality rates.</item>
/// </list>
/// Within one table this is enough; across tables (e.g. the n of a time point in the outcome
/// tables against the number of visits of that time point elsewhere), the publisher of a scope
/// must hide a figure in every table that would reveal it.
/// </summary>
public static class SmallCountRule
{
    /// <summary>Whether a count may be revealed: 0, or at least the threshold.</summary>
    /// <param name="count">The count.</param>
    /// <param name="threshold">The threshold.</param>
    public static bool IsSafe(long count, int threshold) => count == 0 || count >= threshold;

    /// <summary>The proportion, or null when publishing it would reveal a small count.</summary>
    /// <param name="counts">Numerator and denominator.</param>
    /// <param name="threshold">The threshold.</param>
    public static ProportionEstimate? Publish(ProportionCounts counts, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        return counts.Total >= threshold && IsSafe(counts.Successes, threshold) && IsSafe(counts.Total - counts.Successes, threshold)
            ? counts.Estimate()
            : null;
    }

    /// <summary>The summary, or null when n is from 1 to threshold - 1 (an empty cell has n = 0 and no statistic).</summary>
    /// <param name="values">The value counts.</param>
    /// <param name="threshold">The threshold.</param>
    public static OutcomeSummary? Publish(ValueCounts values, int threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        return IsSafe(values.N, threshold) ? OutcomeSummary.From(values) : null;
    }

    /// <summary>
    /// A paired change as published: null when fewer than the threshold pairs; the MCID share is
    /// null (the change itself still published) when responders or non-responders are 1 to
    /// threshold - 1.
    /// </summary>
    /// <param name="statistics">The paired change statistics.</param>
    /// <param name="threshold">The threshold.</param>
    public static PairedChangeSummary? Publish(PairedChangeStatistics statistics, int threshold)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (Publish(statistics.Differences, threshold) is not { N: > 0 } change)
        {
            return null;
        }

        return new PairedChangeSummary(change, statistics.Mcid is null ? null : Publish(statistics.Responders, threshold));
    }
}
