using Azure.Data.Tables;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Provisioning;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Provisioning;

[Collection(AzuriteCollection.Name)]
public sealed class RegistryStorageProvisionerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnsureCreatedAsync_Twice_EveryTableContainerAndQueueExists()
    {
        var clients = new RegistryStorageClients(new RegistryStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = StorageNames.Table("prov"),
            ContainerPrefix = StorageNames.Container("prov") + "-",
        });
        var provisioner = new RegistryStorageProvisioner(clients);

        await provisioner.EnsureCreatedAsync(["S01", "S02", "S03"]);
        await provisioner.EnsureCreatedAsync(["S01", "S02", "S03", "S04"]);

        var tables = new List<string>();
        await foreach (var table in azurite.CreateTableServiceClient().QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {clients.Names.Table("")} and TableName lt {clients.Names.Table("~")}")))
        {
            tables.Add(table.Name);
        }

        Assert.Equal(RegistryTables.All.Select(clients.Names.Table).Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        foreach (var area in Enum.GetValues<CentralArea>())
        {
            Assert.True((await clients.CentralContainer(area).ExistsAsync()).Value, area.ToString());
        }

        foreach (var site in new[] { "S01", "S02", "S03", "S04" })
        {
            Assert.True((await clients.LandingContainer(site).ExistsAsync()).Value, site);
        }

        Assert.True((await clients.IngestQueue.ExistsAsync()).Value);
        Assert.True((await clients.IngestPoisonQueue.ExistsAsync()).Value);
        Assert.EndsWith("ingest-events-poison", clients.IngestPoisonQueue.Name, StringComparison.Ordinal);
    }
}
