namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>The notifier of a host with no mail server configured: sends nothing and says so.</summary>
public sealed class UnconfiguredReminderNotifier : IReminderNotifier
{
    /// <inheritdoc />
    public Task<NotificationDelivery> SendAsync(ReminderNotification notification, CancellationToken cancellationToken = default) =>
        Task.FromResult(NotificationDelivery.NotConfigured());
}
