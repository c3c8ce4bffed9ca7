namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>
/// The registry's configuration: its sites and its policy settings. One JSON file
/// (infra/registry.json) is the single source of truth, read by the Bicep deployment
/// (sites) and by both hosts (everything).
/// </summary>
public sealed class RegistryConfiguration
{
    /// <summary>Short registry name (used in resource names).</summary>
    public string RegistryName { get; set; } = "spinemets";

    /// <summary>The participating sites.</summary>
    public List<SiteConfiguration> Sites { get; set; } = [];

    /// <summary>Policy settings.</summary>
    public RegistrySettings Settings { get; set; } = new();

    /// <summary>Finds a site by code (case-insensitive).</summary>
    public SiteConfiguration? FindSite(string code) =>
        Sites.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}
