using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;

namespace SpineMetsRegistry.Notifications.Smtp;

/// <summary>
/// Sends reminder notifications through an SMTP server with MailKit: one plain-text message
/// per site and day, to the site's contacts. Failures come back as data with a reason that
/// names the server and the SMTP status but never a recipient (a server's reply text can
/// quote an address, so it is not passed on).
/// </summary>
public sealed partial class SmtpReminderNotifier(IOptions<SmtpOptions> options, ILogger<SmtpReminderNotifier> logger) : IReminderNotifier
{
    /// <inheritdoc />
    public async Task<NotificationDelivery> SendAsync(ReminderNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return NotificationDelivery.NotConfigured();
        }

        using var message = Compose(notification, settings);
        var server = string.Create(CultureInfo.InvariantCulture, $"{settings.Host}:{settings.Port}");
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Socket(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            LogSent(logger, notification.Site, notification.Day, notification.Recipients.Count);
            return NotificationDelivery.Sent();
        }
        catch (Exception exception) when (Describe(exception, server) is { } reason)
        {
            LogFailed(logger, notification.Site, notification.Day, reason);
            return NotificationDelivery.Failed(reason);
        }
    }

    private static MimeMessage Compose(ReminderNotification notification, SmtpOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From!));
        foreach (var recipient in notification.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = notification.Subject;
        message.Body = new TextPart("plain") { Text = notification.Body };
        return message;
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>The reason for the operator, or null for an exception that is not a delivery failure (it propagates).</summary>
    private static string? Describe(Exception exception, string server) => exception switch
    {
        SocketException socket => $"cannot connect to the mail server {server} ({socket.SocketErrorCode})",
        AuthenticationException => $"the mail server {server} refused the user name or password (Registry:Smtp:UserName, Password)",
        SslHandshakeException => $"TLS with the mail server {server} failed (check Registry:Smtp:Security and Port)",
        SmtpCommandException command => string.Create(CultureInfo.InvariantCulture, $"the mail server {server} refused the message (SMTP {(int)command.StatusCode}, {command.ErrorCode})"),
        SmtpProtocolException => $"the mail server {server} broke the SMTP protocol",
        ServiceNotConnectedException or IOException => $"the connection to the mail server {server} was lost",
        TimeoutException => $"the mail server {server} did not answer in time",
        OperationCanceledException => null,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder notification for site {Site} ({Day}) sent to {Recipients} contact(s)")]
    private static partial void LogSent(ILogger logger, string site, DateOnly day, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder notification for site {Site} ({Day}) not sent: {Reason}; the next sweep of the day retries")]
    private static partial void LogFailed(ILogger logger, string site, DateOnly day, string reason);
}
