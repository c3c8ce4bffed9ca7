using System.Globalization;
using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Cli.Commands;

/// <summary>Prints reminders as a table for people, most urgent first.</summary>
internal static class ReminderTable
{
    public static async Task WriteAsync(TextWriter output, ReminderDigest digest)
    {
        var counts = digest.Counts;
        if (digest.Reminders.Count == 0)
        {
            await output.WriteLineAsync($"No follow-up reminders for site {digest.Site} as of {Day(digest.Date)}: no visit is upcoming, due, overdue or missed.");
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Follow-up reminders for site {digest.Site} as of {Day(digest.Date)}: {counts.Missed} missed, {counts.Overdue} overdue, {counts.Due} due, {counts.Upcoming} upcoming"));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"state",-9} {"study ID",-12} {"time point",-11} {"window",-26} {"target",-10}  note");
        foreach (var r in digest.Reminders)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{ReminderDigestFormats.StateCode(r.State),-9} {r.StudyId,-12} {r.TimePoint,-11} {Day(r.WindowOpens) + " .. " + Day(r.WindowCloses),-26} {Day(r.TargetDate),-10}  {Note(r)}"));
        }
    }

    private static string Note(VisitReminder r) => r.State switch
    {
        VisitState.Upcoming => Plural(r.DaysUntilWindowOpens, "window opens in {0} day", "window opens in {0} days"),
        VisitState.Due => Plural(r.DaysRemaining, "{0} day left in the window", "{0} days left in the window"),
        VisitState.Overdue => Plural(r.DaysOverdue, "{0} day past target", "{0} days past target") + ", " + Plural(r.DaysRemaining, "{0} day left in the window", "{0} days left in the window"),
        VisitState.Missed => Plural(r.DaysOverdue, "{0} day past target", "{0} days past target") + ", window closed",
        VisitState.Completed when r.OutsideWindow => string.Create(CultureInfo.InvariantCulture, $"received on day {r.ReceivedDay} after index, outside the window"),
        _ => string.Empty,
    };

    private static string Plural(int? value, string one, string many) =>
        string.Format(CultureInfo.InvariantCulture, value == 1 ? one : many, value);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
