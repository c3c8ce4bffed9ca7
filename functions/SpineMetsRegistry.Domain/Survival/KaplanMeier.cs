using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Survival;

/// <summary>One step of a Kaplan-Meier curve, at a time with at least one death.</summary>
/// <param name="Time">Time of the deaths (day in the registry).</param>
/// <param name="AtRisk">Patients at risk just before the time (time on or after it).</param>
/// <param name="Events">Deaths at the time.</param>
/// <param name="Censored">Censorings from this time (inclusive) up to the next death time (exclusive), so that the next step's number at risk is this one's minus deaths minus censored.</param>
/// <param name="Survival">Product-limit survival just after the time.</param>
/// <param name="StandardError">Greenwood standard error of the survival.</param>
/// <param name="Lower">Lower limit of the 95% log-log interval; null when survival is 0.</param>
/// <param name="Upper">Upper limit of the 95% log-log interval; null when survival is 0.</param>
public sealed record KaplanMeierStep(decimal Time, long AtRisk, long Events, long Censored, double Survival, double StandardError, double? Lower, double? Upper);

/// <summary>A Kaplan-Meier curve: its steps and its median with the Brookmeyer-Crowley interval.</summary>
/// <param name="Total">Patients in the analysis.</param>
/// <param name="Events">Deaths.</param>
/// <param name="CensoredBeforeFirstEvent">Patients censored before the first death (not in any step's censored count).</param>
/// <param name="Steps">One step per distinct death time.</param>
/// <param name="Median">Median survival and its interval.</param>
public sealed record KaplanMeierCurve(long Total, long Events, long CensoredBeforeFirstEvent, IReadOnlyList<KaplanMeierStep> Steps, MedianSurvival Median)
{
    /// <summary>Survival at a day (1 before the first death): the last step at or before it.</summary>
    /// <param name="day">Day since the index treatment.</param>
    public double SurvivalAt(decimal day) => Steps.LastOrDefault(s => s.Time <= day)?.Survival ?? 1.0;
}

/// <summary>
/// The Kaplan-Meier product-limit estimator (Kaplan EL, Meier P. J Am Stat Assoc
/// 1958;53:457-81): S(t) = Π over death times tᵢ ≤ t of (1 - dᵢ/Yᵢ), with Greenwood's variance
/// (Greenwood M. Reports on Public Health and Medical Subjects 33, HMSO 1926)
/// Var S(t) = S(t)² Σ dᵢ/(Yᵢ(Yᵢ - dᵢ)), and the 95% interval on the log(-log) scale of
/// Kalbfleisch and Prentice (The Statistical Analysis of Failure Time Data, 1980; Klein JP,
/// Moeschberger ML, Survival Analysis, 2nd ed. 2003, eq. 4.3.2):
/// [S^(1/θ), S^θ] with θ = exp(z σ / ln S) and σ² = Σ dᵢ/(Yᵢ(Yᵢ - dᵢ)). It stays inside (0, 1)
/// and is the interval R's <c>survfit(conf.type = "log-log")</c> reports.
/// </summary>
public static class KaplanMeier
{
    /// <summary>Estimates the curve from per-day counts.</summary>
    /// <param name="counts">Deaths and censorings per day.</param>
    public static KaplanMeierCurve Estimate(SurvivalCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var days = counts.Days.ToList();
        var steps = new List<KaplanMeierStep>();
        var product = new ProductLimit();
        var atRisk = counts.Total;
        long censoredBeforeFirst = 0;
        long events = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var (day, c) = (days[i].Key, days[i].Value);
            if (c.Events > 0)
            {
                // Censorings from this death time up to (not including) the next death time.
                var censored = c.Censored + days.Skip(i + 1).TakeWhile(d => d.Value.Events == 0).Sum(d => d.Value.Censored);
                var point = product.Step(atRisk, c.Events);
                steps.Add(new KaplanMeierStep(day, atRisk, c.Events, censored, point.Survival, point.StandardError, point.Lower, point.Upper));
                events += c.Events;
            }
            else if (events == 0)
            {
                censoredBeforeFirst += c.Censored;
            }

            atRisk -= c.Events + c.Censored;
        }

        return new KaplanMeierCurve(counts.Total, events, censoredBeforeFirst, steps, MedianSurvival.From(steps));
    }
}

/// <summary>A point of a product-limit curve: survival, Greenwood standard error and log-log interval.</summary>
/// <param name="Survival">Survival.</param>
/// <param name="StandardError">Greenwood standard error.</param>
/// <param name="Lower">Lower 95% log-log limit (null when survival is 0).</param>
/// <param name="Upper">Upper 95% log-log limit (null when survival is 0).</param>
public readonly record struct SurvivalPoint(double Survival, double StandardError, double? Lower, double? Upper);

/// <summary>
/// The running product of a product-limit curve and Greenwood's sum, shared by the exact curve
/// (<see cref="KaplanMeier"/>) and the published, coarsened one (<see cref="PublishedSurvivalCurve"/>).
/// </summary>
public sealed class ProductLimit
{
    private double survival = 1.0;
    private double greenwoodSum;

    /// <summary>Applies dᵢ deaths among Yᵢ at risk and returns the new point.</summary>
    /// <param name="atRisk">Number at risk (at least <paramref name="events"/>).</param>
    /// <param name="events">Deaths (0 or more).</param>
    public SurvivalPoint Step(long atRisk, long events)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(atRisk, events);
        if (events > 0)
        {
            survival *= 1.0 - ((double)events / atRisk);
            greenwoodSum = atRisk == events ? double.PositiveInfinity : greenwoodSum + ((double)events / (atRisk * (double)(atRisk - events)));
        }

        return Point();
    }

    private SurvivalPoint Point()
    {
        if (survival <= 0)
        {
            return new SurvivalPoint(0, 0, null, null);
        }

        var standardError = survival * Math.Sqrt(greenwoodSum);
        if (survival >= 1.0)
        {
            return new SurvivalPoint(1, 0, 1, 1);
        }

        var theta = Math.Exp(ConfidenceLevel.NormalQuantile * Math.Sqrt(greenwoodSum) / Math.Log(survival));
        return new SurvivalPoint(survival, standardError, Math.Pow(survival, 1 / theta), Math.Pow(survival, theta));
    }
}
