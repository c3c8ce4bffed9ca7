using Azure.Core;

namespace SpineMetsRegistry.Storage.Connection;

/// <summary>
/// Adjusts the options of every Azure SDK storage client the registry builds (its own
/// <see cref="RegistryStorageClients"/> and the local engine's task hub clients), after the
/// registry's own settings. Production registers none: the hook exists so that the
/// reliability tests can add a fault-injecting pipeline policy to exactly the clients users'
/// requests go through, with no test-only switch in the product.
/// </summary>
public interface IStorageClientOptionsConfigurator
{
    /// <summary>Adjusts one client's options (called once per client built).</summary>
    void Configure(ClientOptions options);
}
