namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>
/// Who hears about a site's new follow-up reminders (the <c>notifications</c> object of a site
/// in infra/registry.json). Only addresses live here: the mail server and its credentials are
/// host configuration, never in the repository.
/// </summary>
public sealed class SiteNotifications
{
    /// <summary>
    /// The site contacts' e-mail addresses (bare addresses such as <c>data-manager@hospital.example</c>,
    /// no display names). Empty: the site gets no notification mails.
    /// </summary>
    public List<string> Contacts { get; set; } = [];

    /// <summary>Whether the site has paused its notification mails (its digests are still written).</summary>
    public bool Paused { get; set; }
}
