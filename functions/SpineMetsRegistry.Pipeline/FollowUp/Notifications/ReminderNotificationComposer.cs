using System.Globalization;
using System.Text;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>
/// Writes the mail that tells a site its day's digest has something new: counts per state,
/// counts per time point and state, and where to look. Built only from counts, time-point
/// codes and the site's configuration, never from a study ID or a record value, so nothing
/// identifying can reach a mailbox.
/// </summary>
public static class ReminderNotificationComposer
{
    private static readonly VisitState[] StateOrder = [VisitState.Missed, VisitState.Overdue, VisitState.Due, VisitState.Upcoming];

    /// <summary>The link to the site's reminders view of the dashboard, or null without a dashboard address.</summary>
    public static Uri? RemindersPage(Uri? dashboard, string site) =>
        dashboard is null ? null : new Uri(dashboard, "/#site=" + Uri.EscapeDataString(site) + "&view=reminders");

    /// <summary>Composes the mail for a site's digest of a day.</summary>
    public static ReminderNotification Compose(SiteConfiguration site, ReminderDigest digest, FollowUpProtocol protocol, Uri? dashboard)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(protocol);
        var day = digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var counts = digest.Counts;
        var announced = digest.Reminders.Count;
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"SpineMetsRegistry: {announced} new follow-up reminder{(announced == 1 ? string.Empty : "s")} for site {site.Code} ({day})");

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Site {site.Code}{(string.IsNullOrWhiteSpace(site.DisplayName) ? string.Empty : " (" + site.DisplayName + ")")}: follow-up reminders as of {day}.").AppendLine().AppendLine();
        body.Append(CultureInfo.InvariantCulture, $"New today: {announced} reminder{(announced == 1 ? string.Empty : "s")}.").AppendLine();
        body.Append(CultureInfo.InvariantCulture,
            $"By state: {counts.Missed} missed, {counts.Overdue} overdue, {counts.Due} due, {counts.Upcoming} upcoming, {counts.CompletedOutsideWindow} received outside the window.").AppendLine().AppendLine();

        var byTimePoint = digest.Reminders.GroupBy(r => r.TimePoint, StringComparer.Ordinal)
            .OrderBy(g => OrderOf(protocol, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (byTimePoint.Count > 0)
        {
            body.AppendLine("By time point:");
            foreach (var group in byTimePoint)
            {
                var parts = StateOrder
                    .Select(state => (state, n: group.Count(r => r.State == state && !r.OutsideWindow)))
                    .Where(p => p.n > 0)
                    .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.n} {p.state.ToString().ToLowerInvariant()}"))
                    .ToList();
                var outside = group.Count(r => r.OutsideWindow);
                if (outside > 0)
                {
                    parts.Add(string.Create(CultureInfo.InvariantCulture, $"{outside} received outside the window"));
                }

                body.Append(CultureInfo.InvariantCulture, $"  {group.Key}: {string.Join(", ", parts)}").AppendLine();
            }

            body.AppendLine();
        }

        if (RemindersPage(dashboard, site.Code) is { } page)
        {
            body.AppendLine("Which patients and visits: the site's reminders page (sign in with the site's key or account):");
            body.AppendLine(page.AbsoluteUri).AppendLine();
        }

        body.Append(CultureInfo.InvariantCulture,
            $"The full list is in the site's container: reminders/{ReminderDigestPublisher.BlobName(digest.Date, "csv")} and .json, and from the command line: spinemets reminders --site {site.Code}.").AppendLine();
        body.AppendLine("This message carries counts only; it never names a patient.");
        return new ReminderNotification(site.Code, digest.Date, [.. site.Notifications.Contacts], subject, body.ToString());
    }

    private static int OrderOf(FollowUpProtocol protocol, string timePoint)
    {
        var index = protocol.TimePoints.FindIndex(t => string.Equals(t.Code, timePoint, StringComparison.Ordinal));
        return index < 0 ? int.MaxValue : index;
    }
}
