namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>Host configuration of the reminder notifications (section <c>Registry:Notifications</c>).</summary>
public sealed class ReminderNotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Registry:Notifications";

    /// <summary>
    /// The dashboard address the mail links to (the site's reminders view is
    /// <c>{DashboardUrl}#site=S01&amp;view=reminders</c>). The local host sets its own address;
    /// in Azure, the Functions app's address. Null: the mail names the reminders/ folder only.
    /// </summary>
    public Uri? DashboardUrl { get; set; }
}
