using Microsoft.Extensions.Options;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Tests.Configuration;

// Building clients performs no request, so these need no storage.
public sealed class RegistryStorageClientsTests
{
    [Fact]
    public void LandingContainer_AccountMode_EachSiteInItsOwnAccount()
    {
        var clients = new RegistryStorageClients(AccountMode());

        var s01 = clients.LandingContainer("S01");
        var s02 = clients.LandingContainer("s02");

        Assert.Equal(new Uri("https://s01landing.blob.core.windows.net/site-s01"), s01.Uri);
        Assert.Equal(new Uri("https://s02landing.blob.core.windows.net/site-s02"), s02.Uri);
        Assert.Equal("https://central.blob.core.windows.net/raw", clients.CentralContainer(CentralArea.Raw).Uri.ToString());
        Assert.Equal("https://central.table.core.windows.net/", clients.TableService.Uri.ToString());
    }

    [Fact]
    public void LandingContainer_AccountModeSiteWithoutUri_ClearError()
    {
        var clients = new RegistryStorageClients(AccountMode());

        var error = Assert.Throws<InvalidOperationException>(() => clients.LandingContainer("S03"));

        Assert.Equal("LandingMode is 'account' but Registry:Storage:SiteLandingBlobServiceUris has no landing blob endpoint for site 'S03'.", error.Message);
    }

    [Fact]
    public void LandingContainer_ContainerMode_SharedAccountAndPrefix()
    {
        var clients = new RegistryStorageClients(new RegistryStorageOptions
        {
            CentralBlobServiceUri = new Uri("https://central.blob.core.windows.net"),
            CentralTableServiceUri = new Uri("https://central.table.core.windows.net"),
            CentralQueueServiceUri = new Uri("https://central.queue.core.windows.net"),
            LandingBlobServiceUri = new Uri("https://landing.blob.core.windows.net"),
            TablePrefix = "Dev1",
            ContainerPrefix = "dev1-",
        });

        Assert.Equal("https://landing.blob.core.windows.net/dev1-site-s07", clients.LandingContainer("S07").Uri.ToString());
        Assert.Equal("dev1intake", clients.CentralContainer(CentralArea.Intake).Name);
        Assert.Equal("Dev1ledger", clients.Table(RegistryTables.Ledger).Name);
        Assert.Equal("dev1ingest-events", clients.IngestQueue.Name);
        Assert.Equal("dev1ingest-events-poison", clients.IngestPoisonQueue.Name);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheValidatorsMessage()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new RegistryStorageClients(new RegistryStorageOptions()));

        Assert.Contains("Registry:Storage needs either ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LandingContainer_SiteCodeThatCannotNameAContainer_Throws()
    {
        var clients = new RegistryStorageClients(new RegistryStorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        Assert.Throws<ArgumentException>(() => clients.LandingContainer("S_01"));
    }

    private static RegistryStorageOptions AccountMode()
    {
        var options = new RegistryStorageOptions
        {
            CentralBlobServiceUri = new Uri("https://central.blob.core.windows.net"),
            CentralTableServiceUri = new Uri("https://central.table.core.windows.net"),
            CentralQueueServiceUri = new Uri("https://central.queue.core.windows.net"),
            LandingMode = LandingMode.Account,
        };
        options.SiteLandingBlobServiceUris["S01"] = new Uri("https://s01landing.blob.core.windows.net");
        options.SiteLandingBlobServiceUris["S02"] = new Uri("https://s02landing.blob.core.windows.net");
        return options;
    }
}
