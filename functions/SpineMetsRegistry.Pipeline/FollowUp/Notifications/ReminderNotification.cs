namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>
/// One mail to a site's contacts about a day's follow-up reminders. Composed by
/// <see cref="ReminderNotificationComposer"/> from counts only: it never carries a study ID or
/// any record value.
/// </summary>
/// <param name="Site">The site code.</param>
/// <param name="Day">The day swept.</param>
/// <param name="Recipients">The site's contact addresses (from infra/registry.json).</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The plain-text body.</param>
public sealed record ReminderNotification(string Site, DateOnly Day, IReadOnlyList<string> Recipients, string Subject, string Body);
