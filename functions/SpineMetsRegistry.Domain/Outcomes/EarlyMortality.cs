using SpineMetsRegistry.Domain.Statistics;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>
/// 30- and 90-day mortality from the index treatment date, a crude proportion with its Wilson
/// interval. Numerator: deaths on or before day h. Denominator: patients whose status at day h is
/// known, i.e. who died on or before day h or are known alive on day h or later. Patients censored
/// before day h (alive, followed for less than h days) are excluded, because counting them as
/// survivors would understate mortality; with heavy early loss to follow-up the Kaplan-Meier
/// estimate 1 - S(h) is the better figure. The committee's <c>mortality.early</c> table publishes
/// only that estimate, read from the published survival curve: a crude count of early deaths could
/// be differenced against the curve's intervals. This crude form serves analyses of a site's own data.
/// </summary>
public static class EarlyMortality
{
    /// <summary>30 days.</summary>
    public const int ThirtyDays = 30;

    /// <summary>90 days.</summary>
    public const int NinetyDays = 90;

    /// <summary>Whether the patient died by day <paramref name="horizonDays"/>; null when the status at that day is unknown.</summary>
    /// <param name="observation">The patient's survival time.</param>
    /// <param name="horizonDays">The horizon in days.</param>
    public static bool? DiedBy(SurvivalObservation observation, int horizonDays)
    {
        if (observation.IsEvent && observation.Time <= horizonDays)
        {
            return true;
        }

        return observation.Time >= horizonDays ? false : null;
    }

    /// <summary>Adds a patient to mergeable mortality counts (unchanged when the status at the horizon is unknown).</summary>
    /// <param name="counts">Counts so far.</param>
    /// <param name="observation">The patient's survival time.</param>
    /// <param name="horizonDays">The horizon in days.</param>
    public static ProportionCounts Add(ProportionCounts counts, SurvivalObservation observation, int horizonDays) =>
        DiedBy(observation, horizonDays) is { } died ? counts.Add(died) : counts;
}
