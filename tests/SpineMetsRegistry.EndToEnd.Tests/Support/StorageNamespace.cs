using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// One test's share of the Azurite: a unique table prefix (also prefixing the central
/// containers and the queues) and a unique landing-container prefix, so a test sees only
/// its own rows and blobs, and two registries can be compared table by table.
/// </summary>
internal sealed record StorageNamespace(string ConnectionString, string TablePrefix, string ContainerPrefix)
{
    public static StorageNamespace Create(AzuriteFixture azurite) =>
        new(azurite.ConnectionString, StorageNames.Table("e2e"), StorageNames.Container("e2e") + "-");

    public RegistryStorageOptions Options => new()
    {
        ConnectionString = ConnectionString,
        TablePrefix = TablePrefix,
        ContainerPrefix = ContainerPrefix,
    };

    /// <summary>The configuration keys the registry binds its storage options from.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [RegistryStorageOptions.SectionName + ":ConnectionString"] = ConnectionString,
        [RegistryStorageOptions.SectionName + ":TablePrefix"] = TablePrefix,
        [RegistryStorageOptions.SectionName + ":ContainerPrefix"] = ContainerPrefix,
    };

    /// <summary>Command-line switches carrying the prefixes to the local host (it sets the connection string itself).</summary>
    public string[] HostArguments =>
    [
        $"--{RegistryStorageOptions.SectionName}:TablePrefix={TablePrefix}",
        $"--{RegistryStorageOptions.SectionName}:ContainerPrefix={ContainerPrefix}",
    ];

    /// <summary>Clients outside any host, for looking at what a host left behind.</summary>
    public RegistryStorageClients Clients() => new(Options);
}
