using Microsoft.Extensions.Configuration;
using SpineMetsRegistry.Domain.Configuration;

namespace SpineMetsRegistry.Hosting;

/// <summary>
/// Loads the registry configuration (sites and settings) from the registry JSON file: by
/// default <c>registry.json</c> next to the host's binaries (a copy of infra/registry.json),
/// or the file named by the configuration key <c>Registry:ConfigurationFile</c>. A
/// configuration with defects stops the host at start-up with every defect listed.
/// </summary>
public static class RegistryConfigurationSource
{
    /// <summary>The configuration key naming the file.</summary>
    public const string FileKey = "Registry:ConfigurationFile";

    /// <summary>The file name next to the binaries.</summary>
    public const string DefaultFileName = "registry.json";

    /// <summary>Loads and resolves the policies, or throws with every defect.</summary>
    public static RegistryPolicies Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[FileKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, DefaultFileName);
        var loaded = RegistryConfigurationLoader.LoadFile(path);
        if (!loaded.IsSuccess)
        {
            throw new InvalidOperationException($"The registry configuration {path} is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", loaded.Errors));
        }

        var resolved = RegistryPolicies.Create(loaded.Value);
        return resolved.Value ?? throw new InvalidOperationException($"The registry configuration {path} is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", resolved.Errors));
    }
}
