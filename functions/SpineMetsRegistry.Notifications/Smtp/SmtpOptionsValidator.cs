using System.Net;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Domain.Configuration;

namespace SpineMetsRegistry.Notifications.Smtp;

/// <summary>
/// Checks the mail server settings when the host starts, naming each defect and the setting
/// to change, so a misconfigured server is found at deployment rather than at 06:00 the next
/// day when the first mail fails.
/// </summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            errors.Add($"{SmtpOptions.Section}:Host is not a host name or IP address.");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{SmtpOptions.Section}:Port must be between 1 and 65535 (587 for StartTls, 465 for SslOnConnect).");
        }

        if (!Enum.IsDefined(options.Security))
        {
            errors.Add($"{SmtpOptions.Section}:Security must be StartTls, SslOnConnect or None.");
        }

        if (string.IsNullOrWhiteSpace(options.From))
        {
            errors.Add($"{SmtpOptions.Section}:From is required: the sender address (in Azure, a MailFrom address of the Communication Services domain).");
        }
        else if (!ContactAddress.IsBare(options.From))
        {
            errors.Add($"{SmtpOptions.Section}:From is not a bare e-mail address (name@domain).");
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{SmtpOptions.Section}:Password is required when {SmtpOptions.Section}:UserName is set.");
        }

        if (options.Security == SmtpSecurity.None && !IsLoopback(options.Host!))
        {
            errors.Add($"{SmtpOptions.Section}:Security None is allowed only for a mail server on this machine (loopback); use StartTls or SslOnConnect for {SmtpOptions.Section}:Host.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{SmtpOptions.Section}:Timeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
