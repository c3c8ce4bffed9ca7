namespace SpineMetsRegistry.Notifications.Smtp;

/// <summary>
/// The mail server the reminder notifications go through (host configuration section
/// <c>Registry:Smtp</c>: app settings <c>Registry__Smtp__Host</c> etc. in Azure, set by the
/// local host for its smtp4dev). Never in the repository. No <see cref="Host"/>: no mail is sent.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Registry:Smtp";

    /// <summary>The server's host name, e.g. <c>smtp.azurecomm.net</c>; empty disables mail.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port (587 for STARTTLS, 465 for TLS on connect).</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The SMTP user name (Azure Communication Services: its SMTP user name), or empty for no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The SMTP password (Azure Communication Services: the Entra application's client secret); from a secret store, never the repository.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address (Azure Communication Services: a MailFrom address of a verified domain).</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "SpineMetsRegistry";

    /// <summary>How long one connect, authenticate or send may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a mail server is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
