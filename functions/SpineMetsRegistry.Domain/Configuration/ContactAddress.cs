using System.Net.Mail;

namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>Checks a site contact's e-mail address as the registry configuration requires it.</summary>
public static class ContactAddress
{
    /// <summary>
    /// Whether <paramref name="text"/> is a bare address (<c>local@domain</c>, RFC 5322 addr-spec
    /// as .NET parses it): no display name, no angle brackets, no surrounding spaces, and a
    /// domain with a dot (a mail to a single-label host never reaches a hospital).
    /// </summary>
    public static bool IsBare(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && text.Trim() == text
        && MailAddress.TryCreate(text, out var address)
        && string.Equals(address.Address, text, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');
}
