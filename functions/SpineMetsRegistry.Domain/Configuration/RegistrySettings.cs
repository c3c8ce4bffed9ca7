using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Configuration;

/// <summary>Registry-wide policy settings (the <c>settings</c> object of infra/registry.json).</summary>
public sealed class RegistrySettings
{
    /// <summary>What happens to the valid rows of a batch that also has invalid rows (default: store them).</summary>
    public InvalidRowPolicy InvalidRowPolicy { get; set; } = InvalidRowPolicy.AcceptValidRows;
}
