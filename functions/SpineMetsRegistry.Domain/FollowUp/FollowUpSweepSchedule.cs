using System.Globalization;

namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// When the daily follow-up sweep runs: once a day at a UTC time, written as the six-field
/// NCRONTAB expression the Azure Functions timer trigger reads (<c>"0 0 6 * * *"</c>: seconds,
/// minutes, hours first), so the one setting in infra/registry.json drives the local host's
/// daily job and, through the app setting Bicep derives from the same file, the Functions timer.
/// Only daily schedules are accepted: the sweep catches up missed days itself, and a schedule
/// that runs more often or skips days would change what a "daily" reminder means.
/// </summary>
public sealed record FollowUpSweepSchedule
{
    /// <summary>The default: every day at 06:00 UTC.</summary>
    public const string Default = "0 0 6 * * *";

    private FollowUpSweepSchedule(TimeOnly at) => At = at;

    /// <summary>The UTC time of day of the sweep.</summary>
    public TimeOnly At { get; }

    /// <summary>The NCRONTAB expression of this schedule.</summary>
    public string Ncrontab => string.Create(CultureInfo.InvariantCulture, $"{At.Second} {At.Minute} {At.Hour} * * *");

    /// <summary>Reads a daily six-field NCRONTAB expression (<c>s m h * * *</c> with single numbers); null when it is not one.</summary>
    public static FollowUpSweepSchedule? Parse(string? ncrontab)
    {
        var fields = (ncrontab ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6 || fields[3] != "*" || fields[4] != "*" || fields[5] != "*")
        {
            return null;
        }

        return Number(fields[0], 59) is { } second && Number(fields[1], 59) is { } minute && Number(fields[2], 23) is { } hour
            ? new FollowUpSweepSchedule(new TimeOnly(hour, minute, second))
            : null;
    }

    private static int? Number(string field, int max) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max ? value : null;
}
