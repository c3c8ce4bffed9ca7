namespace SpineMetsRegistry.LocalHost.FollowUp;

/// <summary>When the local host's daily sweep runs next.</summary>
internal static class DailySweepSchedule
{
    /// <summary>
    /// The next run after <paramref name="now"/>: today at <paramref name="at"/> (UTC) if
    /// today has not been swept yet, at once if that time has passed (the host was down or
    /// started late: the sweep catches up), otherwise tomorrow at <paramref name="at"/>.
    /// </summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, DateOnly? lastSwept)
    {
        var utc = now.ToUniversalTime();
        var today = DateOnly.FromDateTime(utc.UtcDateTime);
        var todayRun = new DateTimeOffset(today.ToDateTime(at, DateTimeKind.Utc));
        if (lastSwept is { } last && last >= today)
        {
            var after = last.AddDays(1);
            return new DateTimeOffset(after.ToDateTime(at, DateTimeKind.Utc));
        }

        return utc >= todayRun ? utc : todayRun;
    }
}
