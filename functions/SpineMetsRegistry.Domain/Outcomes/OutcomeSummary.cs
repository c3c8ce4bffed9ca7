using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>
/// A patient-reported outcome at one time point: n, mean with its 95% t interval, and the exact
/// median and quartiles (Hyndman-Fan type 7 over the exact value counts, see <see cref="ValueCounts"/>).
/// </summary>
/// <param name="N">Number of patients with a value.</param>
/// <param name="Mean">Mean and 95% t interval (null when n = 0).</param>
/// <param name="Median">Exact median.</param>
/// <param name="FirstQuartile">Exact first quartile.</param>
/// <param name="ThirdQuartile">Exact third quartile.</param>
public sealed record OutcomeSummary(long N, MeanEstimate? Mean, decimal? Median, decimal? FirstQuartile, decimal? ThirdQuartile)
{
    /// <summary>Summarises the exact value counts of one outcome at one time point (site or pooled).</summary>
    /// <param name="values">The value counts.</param>
    public static OutcomeSummary From(ValueCounts values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new OutcomeSummary(values.N, MeanEstimate.From(values.Moments), values.Median, values.FirstQuartile, values.ThirdQuartile);
    }
}

/// <summary>
/// The time points of the outcome tables: baseline (the enrolment record) and the EPOSO follow-up
/// visits at 6, 12, 26 and 52 weeks (Versteeg AL et al., Spine J 2021;21(3):492-9). The codes
/// are the follow-up protocol's time-point codes.
/// </summary>
public static class OutcomeTimePoints
{
    /// <summary>Baseline.</summary>
    public const string Baseline = "baseline";

    /// <summary>baseline, 6w, 12w, 26w, 52w.</summary>
    public static IReadOnlyList<string> All { get; } = [Baseline, "6w", "12w", "26w", "52w"];
}
