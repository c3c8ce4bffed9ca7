using SpineMetsRegistry.Domain.Configuration;

namespace SpineMetsRegistry.Api.Tests.Support;

/// <summary>The policies of the shipped site list (infra/registry.json), as the hosts resolve them.</summary>
internal static class ShippedPolicies
{
    public static RegistryPolicies Policies { get; } = Load();

    private static RegistryPolicies Load()
    {
        var loaded = RegistryConfigurationLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "registry.json"));
        var resolved = RegistryPolicies.Create(loaded.Value ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors)));
        return resolved.Value ?? throw new InvalidOperationException(string.Join("; ", resolved.Errors));
    }
}
