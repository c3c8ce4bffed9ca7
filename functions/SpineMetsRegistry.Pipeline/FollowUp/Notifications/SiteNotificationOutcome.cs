namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>What a sweep did about one site's notification.</summary>
public enum SiteNotificationStatus
{
    /// <summary>Sent to the site's contacts and recorded in the sent register.</summary>
    Sent,

    /// <summary>Already sent for this day (a rerun): nothing sent again.</summary>
    AlreadySent,

    /// <summary>The sweep found nothing new for the site.</summary>
    NothingNew,

    /// <summary>The site has paused its mails (infra/registry.json notifications.paused).</summary>
    Paused,

    /// <summary>The site lists no contacts.</summary>
    NoContacts,

    /// <summary>No mail server is configured for the host.</summary>
    NotConfigured,

    /// <summary>The mail could not be sent; a rerun of the day tries again.</summary>
    Failed,
}

/// <summary>The notification outcome of one site in one sweep.</summary>
/// <param name="Site">The site code.</param>
/// <param name="Status">What happened.</param>
/// <param name="Recipients">How many addresses the mail went to (the addresses themselves are never reported).</param>
/// <param name="Detail">Why it failed, when it did.</param>
public sealed record SiteNotificationOutcome(string Site, SiteNotificationStatus Status, int Recipients, string? Detail);
