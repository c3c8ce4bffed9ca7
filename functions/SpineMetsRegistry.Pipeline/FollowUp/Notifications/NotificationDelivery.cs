namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>How sending one notification went.</summary>
public enum NotificationDeliveryStatus
{
    /// <summary>The mail server accepted the message for every recipient.</summary>
    Sent,

    /// <summary>No mail server is configured for this host: nothing was sent.</summary>
    NotConfigured,

    /// <summary>The mail server could not be reached or refused the message; the next sweep of the day retries.</summary>
    Failed,
}

/// <summary>The outcome of sending a notification, as data.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Detail">Why it failed, for the operator (never a recipient address or record value).</param>
public sealed record NotificationDelivery(NotificationDeliveryStatus Status, string? Detail)
{
    /// <summary>Accepted by the server.</summary>
    public static NotificationDelivery Sent() => new(NotificationDeliveryStatus.Sent, null);

    /// <summary>No mail server configured.</summary>
    public static NotificationDelivery NotConfigured() => new(NotificationDeliveryStatus.NotConfigured, "no mail server is configured (Registry:Smtp:Host)");

    /// <summary>Could not be sent.</summary>
    public static NotificationDelivery Failed(string detail) => new(NotificationDeliveryStatus.Failed, detail);
}
