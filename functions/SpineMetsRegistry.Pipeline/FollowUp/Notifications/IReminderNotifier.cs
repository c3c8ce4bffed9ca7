namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>
/// Sends a composed reminder notification to its recipients (the SMTP adapter in production
/// and locally; a host without a mail server configured uses <see cref="UnconfiguredReminderNotifier"/>).
/// Expected failures (server unreachable, refused) come back as data, never as exceptions.
/// </summary>
public interface IReminderNotifier
{
    /// <summary>Sends the message to every recipient.</summary>
    Task<NotificationDelivery> SendAsync(ReminderNotification notification, CancellationToken cancellationToken = default);
}
