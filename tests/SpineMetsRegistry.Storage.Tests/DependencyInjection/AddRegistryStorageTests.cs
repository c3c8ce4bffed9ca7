using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.DependencyInjection;
using SpineMetsRegistry.Storage.Provisioning;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.DependencyInjection;

[Collection(AzuriteCollection.Name)]
public sealed class AddRegistryStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddRegistryStorage_FromConfiguration_EveryPortResolvesAsSingletonAndWorks()
    {
        var prefix = StorageNames.Table("di");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Registry:Storage:TablePrefix"] = prefix,
            ["Registry:Storage:ContainerPrefix"] = StorageNames.Container("di") + "-",
            ["Registry:Storage:IngestQueueName"] = "events",
        });
        builder.Services.AddRegistryStorage(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();

        var services = host.Services;
        Assert.Equal(prefix, services.GetRequiredService<IOptions<RegistryStorageOptions>>().Value.TablePrefix);
        Type[] ports =
        [
            typeof(ICentralBlobs), typeof(ILandingBlobs), typeof(IBatchLedger), typeof(IRecordStore), typeof(IAggregateStore),
            typeof(IAuditLog), typeof(IScheduleStore), typeof(IReminderLog), typeof(IIngestEventQueue),
            typeof(RegistryStorageProvisioner),
        ];
        foreach (var port in ports)
        {
            Assert.Same(services.GetRequiredService(port), services.GetRequiredService(port));
        }

        await services.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(["S01"]);
        var record = TestRecords.Enrollment("S01", "S01-0001");
        await services.GetRequiredService<IRecordStore>().UpsertAsync("S01", [record]);
        Assert.NotNull(await services.GetRequiredService<IRecordStore>().GetAsync("S01", record.Id));
        await services.GetRequiredService<IIngestEventQueue>().SendAsync("{}");
        Assert.Equal(prefix.ToLowerInvariant() + "events", services.GetRequiredService<Connection.RegistryStorageClients>().IngestQueue.Name);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddRegistryStorage_InvalidConfiguration_HostStartFailsWithTheMessage()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Storage:CentralBlobServiceUri"] = "https://central.blob.core.windows.net",
            ["Registry:Storage:CentralTableServiceUri"] = "https://central.table.core.windows.net",
            ["Registry:Storage:CentralQueueServiceUri"] = "https://central.queue.core.windows.net",
            ["Registry:Storage:LandingMode"] = "account",
        });
        builder.Services.AddRegistryStorage(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Registry:Storage:SiteLandingBlobServiceUris must give each site's landing blob endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRegistryStorage_AccountModeFromConfiguration_BindsSiteUris()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Storage:CentralBlobServiceUri"] = "https://central.blob.core.windows.net",
            ["Registry:Storage:CentralTableServiceUri"] = "https://central.table.core.windows.net",
            ["Registry:Storage:CentralQueueServiceUri"] = "https://central.queue.core.windows.net",
            ["Registry:Storage:LandingMode"] = "account",
            ["Registry:Storage:SiteLandingBlobServiceUris:S01"] = "https://s01.blob.core.windows.net",
            ["Registry:Storage:ManagedIdentityClientId"] = "11111111-2222-3333-4444-555555555555",
        }).Build();
        using var services = new ServiceCollection().AddRegistryStorage(configuration).BuildServiceProvider();

        var clients = services.GetRequiredService<Connection.RegistryStorageClients>();

        Assert.Equal("https://s01.blob.core.windows.net/site-s01", clients.LandingContainer("S01").Uri.ToString());
        Assert.Equal(LandingMode.Account, services.GetRequiredService<IOptions<RegistryStorageOptions>>().Value.LandingMode);
    }
}
