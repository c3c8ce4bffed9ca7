using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;

namespace SpineMetsRegistry.Pipeline.FollowUp.Notifications;

/// <summary>
/// Tells a site's contacts by mail when the day's sweep found something new for the site (its
/// digest of the day is not empty: a digest holds only what was announced that day), at most
/// once per site and day. The sent register is one small blob per site and day,
/// <c>reminders/&lt;yyyy-MM-dd&gt;.notified.json</c>, beside the digest it describes (counts
/// and the number of recipients, never an address), written after the server accepted the
/// mail: a rerun of the day finds it and sends nothing; a failed send writes nothing, so the
/// next run of the day tries again.
/// </summary>
public sealed class ReminderNotifications(
    IReminderNotifier notifier,
    ILandingBlobs landing,
    IAuditLog audit,
    RegistryPolicies policies,
    IOptions<ReminderNotificationOptions> options,
    TimeProvider time)
{
    /// <summary>The register blob's name (within <c>reminders/</c>) for a day.</summary>
    public static string RegisterName(DateOnly day) => ReminderDigestPublisher.BlobName(day, "notified.json");

    /// <summary>Sends the site's notification for its digest when there is something new and it was not sent yet.</summary>
    public async Task<SiteNotificationOutcome> NotifyAsync(SiteConfiguration site, ReminderDigest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(digest);
        var contacts = site.Notifications.Contacts;
        if (digest.Reminders.Count == 0)
        {
            return new SiteNotificationOutcome(site.Code, SiteNotificationStatus.NothingNew, 0, null);
        }

        if (site.Notifications.Paused)
        {
            return new SiteNotificationOutcome(site.Code, SiteNotificationStatus.Paused, 0, null);
        }

        if (contacts.Count == 0)
        {
            return new SiteNotificationOutcome(site.Code, SiteNotificationStatus.NoContacts, 0, null);
        }

        var register = RegisterName(digest.Date);
        if (await landing.GetAsync(site.Code, LandingArea.Reminders, register, cancellationToken) is not null)
        {
            return new SiteNotificationOutcome(site.Code, SiteNotificationStatus.AlreadySent, contacts.Count, null);
        }

        var notification = ReminderNotificationComposer.Compose(site, digest, policies.Protocol, options.Value.DashboardUrl);
        var delivery = await notifier.SendAsync(notification, cancellationToken);
        switch (delivery.Status)
        {
            case NotificationDeliveryStatus.NotConfigured:
                return new SiteNotificationOutcome(site.Code, SiteNotificationStatus.NotConfigured, 0, delivery.Detail);
            case NotificationDeliveryStatus.Failed:
                return new SiteNotificationOutcome(site.Code, SiteNotificationStatus.Failed, contacts.Count, delivery.Detail);
        }

        var sentAt = time.GetUtcNow();
        var counts = digest.Counts;
        var record = JsonSerializer.SerializeToUtf8Bytes(new
        {
            site = site.Code,
            day = digest.Date,
            sentAt,
            recipients = contacts.Count,
            reminders = digest.Reminders.Count,
            counts = new { missed = counts.Missed, overdue = counts.Overdue, due = counts.Due, upcoming = counts.Upcoming, completedOutsideWindow = counts.CompletedOutsideWindow },
            subject = notification.Subject,
        });
        using (var content = new MemoryStream(record, writable: false))
        {
            await landing.WriteAsync(site.Code, LandingArea.Reminders, register, content, "application/json", cancellationToken);
        }

        await audit.AppendAsync(
            new AuditEntry(sentAt, "registry", "reminders.notify", $"{site.Code}/reminders/{register}", "ok",
                string.Create(CultureInfo.InvariantCulture, $"mail to {contacts.Count} contact(s): {digest.Reminders.Count} reminders")),
            $"notify|{site.Code}|{register}",
            cancellationToken);
        return new SiteNotificationOutcome(site.Code, SiteNotificationStatus.Sent, contacts.Count, null);
    }

    /// <summary>Reads a day's register entry of a site, or null when no mail was recorded (for tests and operators).</summary>
    public async Task<string?> ReadRegisterAsync(string site, DateOnly day, CancellationToken cancellationToken = default)
    {
        var name = RegisterName(day);
        if (await landing.GetAsync(site, LandingArea.Reminders, name, cancellationToken) is null)
        {
            return null;
        }

        await using var stream = await landing.OpenReadAsync(site, LandingArea.Reminders, name, null, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
