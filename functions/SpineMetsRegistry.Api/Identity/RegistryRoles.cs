namespace SpineMetsRegistry.Api.Identity;

/// <summary>
/// The app-role values callers carry (Entra app roles in Azure, local keys on one machine).
/// The same strings are provisioned by the infrastructure (infra/main.bicep appRoles output).
/// </summary>
public static class RegistryRoles
{
    /// <summary>Steering committee: pooled, small-cell-suppressed aggregates of every site.</summary>
    public const string Committee = "Registry.Committee";

    /// <summary>Registry operators: every site's batch status, the sweep, operations.</summary>
    public const string Operator = "Registry.Operator";

    /// <summary>The prefix of a site's role: Registry.Site.S01.</summary>
    public const string SitePrefix = "Registry.Site.";

    /// <summary>The role of one site's data managers.</summary>
    public static string Site(string code) => SitePrefix + code.ToUpperInvariant();
}
