using SpineMetsRegistry.Domain.Configuration;

namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>The shipped site list (infra/registry.json, copied next to the tests as the hosts get it).</summary>
internal static class ShippedRegistry
{
    public static RegistryConfiguration Configuration { get; } =
        RegistryConfigurationLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "registry.json")).Value
            ?? throw new InvalidOperationException("infra/registry.json did not load.");
}
