using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>Which index days a sweep reads.</summary>
/// <param name="FirstDay">The first index day to read (up to the sweep day), or null to read the whole schedule.</param>
public sealed record SweepPlan(DateOnly? FirstDay)
{
    /// <summary>
    /// The plan for a sweep as of <paramref name="asOf"/> (not before the watermark): the
    /// whole schedule the first time; the days after the watermark normally; and for a rerun of
    /// the watermark day, the same days the first run of that day read.
    /// </summary>
    public static SweepPlan For(SweepWatermark? watermark, DateOnly asOf)
    {
        if (watermark is null)
        {
            return new SweepPlan((DateOnly?)null);
        }

        if (asOf < watermark.LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "A day before the watermark was already swept.");
        }

        return asOf == watermark.LastDay
            ? new SweepPlan(watermark.FirstDayRead)
            : new SweepPlan(watermark.LastDay.AddDays(1));
    }
}
