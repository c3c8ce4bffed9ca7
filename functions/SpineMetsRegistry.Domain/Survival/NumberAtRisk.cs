namespace SpineMetsRegistry.Domain.Survival;

/// <summary>A reporting time of the number-at-risk table.</summary>
/// <param name="Label">Label, e.g. "3 months".</param>
/// <param name="Day">Day since the index treatment.</param>
public sealed record RiskTime(string Label, int Day);

/// <summary>
/// The times of the number-at-risk table beneath a survival curve: 0, 3, 6, 12 and 24 months.
/// A month is 365.25 / 12 = 30.4375 days and the day is rounded down (3 months = day 91,
/// 6 = 182, 12 = 365, 24 = 730), so a time point never counts a patient who has not yet
/// reached it. The number at risk at a day counts patients whose time is that day or later
/// (R's <c>summary(survfit, times = ...)</c> convention).
/// </summary>
public static class NumberAtRisk
{
    /// <summary>Days per month (365.25 / 12).</summary>
    public const decimal DaysPerMonth = 30.4375m;

    /// <summary>0, 3, 6, 12 and 24 months.</summary>
    public static IReadOnlyList<RiskTime> StandardTimes { get; } = [Months(0), Months(3), Months(6), Months(12), Months(24)];

    /// <summary>A reporting time in whole months.</summary>
    /// <param name="months">Months since the index treatment.</param>
    public static RiskTime Months(int months) =>
        new(months == 1 ? "1 month" : $"{months} months", (int)Math.Floor(months * DaysPerMonth));

    /// <summary>The number at risk at each time.</summary>
    /// <param name="counts">Per-day counts.</param>
    /// <param name="times">Reporting times.</param>
    public static IReadOnlyList<(RiskTime Time, long AtRisk)> At(SurvivalCounts counts, IEnumerable<RiskTime> times)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(times);
        return times.Select(t => (t, counts.AtRisk(t.Day))).ToList();
    }
}
