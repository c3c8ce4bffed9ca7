namespace SpineMetsRegistry.Notifications.Smtp;

/// <summary>How the connection to the mail server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587; Azure Communication Services).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS: only for a mail server on this machine (smtp4dev on loopback).</summary>
    None,
}
