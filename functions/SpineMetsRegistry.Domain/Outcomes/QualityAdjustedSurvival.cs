namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>How a due visit without an EQ-5D index is handled in a QALY.</summary>
public enum MissingVisitPolicy
{
    /// <summary>Complete case: a patient with any due visit missing has no QALY (excluded from the mean).</summary>
    CompleteCase,

    /// <summary>Last observation carried forward: a missing visit takes the latest earlier observed index.</summary>
    LastObservationCarriedForward,
}

/// <summary>One visit that was due while the patient was alive within the first year.</summary>
/// <param name="Day">Day of the visit after the index treatment (the visit's target day if it did not take place).</param>
/// <param name="Utility">The EQ-5D index at the visit, or null when missing.</param>
public readonly record struct UtilityVisit(int Day, decimal? Utility);

/// <summary>A QALY or the reason there is none.</summary>
/// <param name="Qaly">Quality-adjusted life-years over the first year (0 to 1 for utilities 0 to 1), when computable.</param>
/// <param name="Problem">Stable code of the reason when not: <c>missing_baseline</c>, <c>missing_visit</c>, <c>incomplete_follow_up</c>.</param>
public sealed record QalyResult(decimal? Qaly, string? Problem)
{
    /// <summary>Code: no EQ-5D index at baseline.</summary>
    public const string MissingBaseline = "missing_baseline";

    /// <summary>Code: a due visit has no index (complete-case policy).</summary>
    public const string MissingVisit = "missing_visit";

    /// <summary>Code: alive and followed for less than the horizon, so the year's survival is unknown.</summary>
    public const string IncompleteFollowUp = "incomplete_follow_up";
}

/// <summary>
/// Quality-adjusted survival over the first year after the index treatment, from the EQ-5D index,
/// as recommended for cost-effectiveness by the Global Spine Tumour Study Group: the area under
/// the utility curve (Matthews JN et al., BMJ 1990;300:230-5; Billingham LJ, Abrams KR, Jones DR,
/// Health Technol Assess 1999;3(10)), divided by the horizon (365 days), so a year in full health
/// is 1.
/// <list type="bullet">
/// <item>Linear interpolation between visits (trapezoidal rule), starting at the baseline index on day 0.</item>
/// <item>Death within the year: the utility falls linearly from the last visit to 0 at the
/// death day, and is 0 after death.</item>
/// <item>Alive at the end of follow-up: the last index is held to day 365 (a visit after day 365
/// is interpolated at day 365).</item>
/// <item>Survival through the year must be known: a patient alive whose last date known alive is
/// before <c>fullFollowUpDay</c> (default day 322, the opening of the 52-week window) has no QALY
/// (<see cref="QalyResult.IncompleteFollowUp"/>).</item>
/// <item>Missing visits follow the named <see cref="MissingVisitPolicy"/>. The baseline index is
/// always required.</item>
/// </list>
/// </summary>
public static class QualityAdjustedSurvival
{
    /// <summary>The horizon: the first year, 365 days.</summary>
    public const int HorizonDays = 365;

    /// <summary>Default first day from which a living patient counts as followed for the whole year (46 weeks).</summary>
    public const int DefaultFullFollowUpDay = 322;

    /// <summary>Computes one patient's first-year QALY.</summary>
    /// <param name="baselineUtility">EQ-5D index at baseline (day 0).</param>
    /// <param name="visits">The follow-up visits due while the patient was alive in the first year.</param>
    /// <param name="deathDay">Day of death, when deceased.</param>
    /// <param name="lastKnownAliveDay">Latest day known alive.</param>
    /// <param name="policy">Handling of missing visits.</param>
    /// <param name="fullFollowUpDay">Day from which a living patient counts as followed for the year.</param>
    public static QalyResult FirstYear(decimal? baselineUtility, IEnumerable<UtilityVisit> visits, int? deathDay, int lastKnownAliveDay, MissingVisitPolicy policy, int fullFollowUpDay = DefaultFullFollowUpDay)
    {
        ArgumentNullException.ThrowIfNull(visits);
        if (baselineUtility is not { } baseline)
        {
            return new QalyResult(null, QalyResult.MissingBaseline);
        }

        var died = deathDay is { } d && d <= HorizonDays;
        if (!died && deathDay is null && lastKnownAliveDay < fullFollowUpDay)
        {
            return new QalyResult(null, QalyResult.IncompleteFollowUp);
        }

        var points = new List<(decimal Day, decimal Utility)> { (0, baseline) };
        var last = baseline;
        foreach (var visit in visits.Where(v => v.Day > 0 && (!died || v.Day < deathDay)).OrderBy(v => v.Day))
        {
            if (visit.Utility is { } u)
            {
                last = u;
            }
            else if (policy == MissingVisitPolicy.CompleteCase)
            {
                return new QalyResult(null, QalyResult.MissingVisit);
            }

            points.Add((visit.Day, last));
        }

        points.Add(died ? (deathDay!.Value, 0m) : (Math.Max(HorizonDays, points[^1].Day), points[^1].Utility));
        return new QalyResult(Area(points) / HorizonDays, null);
    }

    /// <summary>Trapezoidal area from day 0 to the horizon (segments beyond it are cut at the horizon).</summary>
    private static decimal Area(List<(decimal Day, decimal Utility)> points)
    {
        var area = 0m;
        for (var i = 1; i < points.Count; i++)
        {
            var (d0, u0) = points[i - 1];
            var (d1, u1) = points[i];
            if (d0 >= HorizonDays || d1 <= d0)
            {
                continue;
            }

            if (d1 > HorizonDays)
            {
                u1 = u0 + ((u1 - u0) * (HorizonDays - d0) / (d1 - d0));
                d1 = HorizonDays;
            }

            area += (d1 - d0) * (u0 + u1) / 2;
        }

        return area;
    }
}
