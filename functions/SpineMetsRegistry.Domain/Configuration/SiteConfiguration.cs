namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>
/// One participating site, as listed in the registry's site list (infra/registry.json):
/// the same entry provisions the site's Azure resources and configures the local host.
/// </summary>
public sealed class SiteConfiguration
{
    /// <summary>Site code, e.g. "S03" (upper case S and two or three digits).</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>Name shown to the committee.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Regular expression every study ID of the site must match, e.g. <c>^S03-[0-9]{4}$</c>.</summary>
    public string StudyIdPattern { get; set; } = string.Empty;

    /// <summary>Entra object ID of the site's group or service principal (used by the infrastructure).</summary>
    public string PrincipalObjectId { get; set; } = string.Empty;

    /// <summary>"Group" or "ServicePrincipal" (used by the infrastructure).</summary>
    public string PrincipalType { get; set; } = "Group";

    /// <summary>Who is told by mail about the site's new follow-up reminders, and whether the mails are paused.</summary>
    public SiteNotifications Notifications { get; set; } = new();

    /// <summary>The site's landing container: <c>site-</c> plus the lower-case code.</summary>
    public string ContainerName => "site-" + Code.ToLowerInvariant();
}
