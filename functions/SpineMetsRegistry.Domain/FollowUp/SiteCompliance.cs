namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// Follow-up compliance of one site at one time point on one day: of the visits whose window
/// has closed, how many were received within it.
/// </summary>
/// <param name="Site">The site.</param>
/// <param name="TimePoint">The time point.</param>
/// <param name="WithinWindow">Visits received within their window.</param>
/// <param name="OutsideWindow">Visits received outside their window.</param>
/// <param name="Missed">Visits never received.</param>
public sealed record SiteCompliance(string Site, string TimePoint, int WithinWindow, int OutsideWindow, int Missed)
{
    /// <summary>Visits whose window has closed (the denominator).</summary>
    public int Closed => WithinWindow + OutsideWindow + Missed;

    /// <summary>Visits received within their window / visits whose window has closed.</summary>
    public double Rate => Closed == 0 ? 1 : (double)WithinWindow / Closed;

    /// <summary>Whether the rate falls below a threshold (never when no window has closed yet).</summary>
    public bool IsBelow(double threshold) => Closed > 0 && Rate < threshold;
}
