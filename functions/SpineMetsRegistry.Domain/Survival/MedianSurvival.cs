namespace SpineMetsRegistry.Domain.Survival;

/// <summary>
/// The median survival time with its 95% confidence interval by the method of Brookmeyer and
/// Crowley (Biometrics 1982;38(1):29-41), using the log-log transformed pointwise intervals
/// (Klein and Moeschberger, Survival Analysis, 2nd ed., §4.5): the interval is the set of times
/// whose pointwise 95% interval for S(t) contains 0.5.
/// <list type="bullet">
/// <item>Median: the smallest death time with S(t) ≤ 0.5 (Klein and Moeschberger's definition;
/// R averages two times when the curve sits exactly at 0.5, this estimator does not).</item>
/// <item>Lower limit: the smallest death time whose lower limit is ≤ 0.5.</item>
/// <item>Upper limit: the smallest death time whose upper limit is ≤ 0.5.</item>
/// </list>
/// Each is null ("not reached") when the curve or limit never falls to 0.5, the convention of
/// R's <c>survfit</c>, whose printed median and limits these reproduce.
/// </summary>
/// <param name="Median">Median survival time (days in the registry), null when not reached.</param>
/// <param name="Lower">Lower 95% limit, null when not reached.</param>
/// <param name="Upper">Upper 95% limit, null when not reached.</param>
public sealed record MedianSurvival(decimal? Median, decimal? Lower, decimal? Upper)
{
    /// <summary>The median and its interval from the steps of a curve.</summary>
    /// <param name="steps">The curve's steps in time order.</param>
    public static MedianSurvival From(IReadOnlyList<KaplanMeierStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return new MedianSurvival(
            steps.FirstOrDefault(s => s.Survival <= 0.5)?.Time,
            steps.FirstOrDefault(s => (s.Lower ?? 0) <= 0.5)?.Time,
            steps.FirstOrDefault(s => (s.Upper ?? 0) <= 0.5)?.Time);
    }
}
