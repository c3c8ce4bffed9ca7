using SpineMetsRegistry.Storage.Configuration;

namespace SpineMetsRegistry.Storage.Tests.Configuration;

public sealed class RegistryStorageOptionsValidatorTests
{
    private const string Azurite = "UseDevelopmentStorage=true";
    private static readonly Uri Blob = new("https://central.blob.core.windows.net");
    private static readonly Uri Table = new("https://central.table.core.windows.net");
    private static readonly Uri Queue = new("https://central.queue.core.windows.net");
    private static readonly Uri Landing = new("https://landing.blob.core.windows.net");

    public static TheoryData<string, RegistryStorageOptions> ValidOptions => new()
    {
        { "connection string", new RegistryStorageOptions { ConnectionString = Azurite } },
        { "connection string with prefixes", new RegistryStorageOptions { ConnectionString = Azurite, TablePrefix = "t123", ContainerPrefix = "p1-", IngestQueueName = "events" } },
        { "container mode", new RegistryStorageOptions { CentralBlobServiceUri = Blob, CentralTableServiceUri = Table, CentralQueueServiceUri = Queue, LandingBlobServiceUri = Landing, ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001" } },
        { "account mode", AccountMode(("S01", new Uri("https://s01.blob.core.windows.net")), ("S02", new Uri("https://s02.blob.core.windows.net"))) },
    };

    public static TheoryData<string, RegistryStorageOptions, string> InvalidOptions => new()
    {
        { "nothing", new RegistryStorageOptions(), "Registry:Storage needs either ConnectionString (Azurite or a local account) or the service URIs" },
        { "both", new RegistryStorageOptions { ConnectionString = Azurite, CentralTableServiceUri = Table }, "Registry:Storage:CentralTableServiceUri cannot be combined with Registry:Storage:ConnectionString" },
        { "table URI missing", new RegistryStorageOptions { CentralBlobServiceUri = Blob, CentralQueueServiceUri = Queue, LandingBlobServiceUri = Landing }, "Registry:Storage:CentralTableServiceUri is required (ConnectionString is not set)." },
        { "container mode without landing", new RegistryStorageOptions { CentralBlobServiceUri = Blob, CentralTableServiceUri = Table, CentralQueueServiceUri = Queue }, "Registry:Storage:LandingBlobServiceUri is required when LandingMode is 'container'" },
        { "account mode without sites", AccountMode(), "Registry:Storage:SiteLandingBlobServiceUris must give each site's landing blob endpoint (e.g. Registry:Storage:SiteLandingBlobServiceUris:S01) when LandingMode is 'account'." },
        { "account mode with plain http", AccountMode(("S01", new Uri("http://s01.blob.core.windows.net"))), "Registry:Storage:SiteLandingBlobServiceUris:S01 must be an absolute https URI" },
        { "account mode with connection string", new RegistryStorageOptions { ConnectionString = Azurite, LandingMode = LandingMode.Account }, "Registry:Storage:LandingMode 'account' (one landing account per site) needs service URIs" },
        { "identity with connection string", new RegistryStorageOptions { ConnectionString = Azurite, ManagedIdentityClientId = "x" }, "Registry:Storage:ManagedIdentityClientId applies only to service URIs" },
        { "table prefix with dash", new RegistryStorageOptions { ConnectionString = Azurite, TablePrefix = "t-1" }, "Registry:Storage:TablePrefix must be up to 30 letters and digits starting with a letter" },
        { "container prefix upper case", new RegistryStorageOptions { ConnectionString = Azurite, ContainerPrefix = "Test-" }, "Registry:Storage:ContainerPrefix must be up to 30 lower-case letters" },
        { "queue name with underscore", new RegistryStorageOptions { ConnectionString = Azurite, IngestQueueName = "ingest_events" }, "Registry:Storage:IngestQueueName must be lower-case letters" },
        { "retries", new RegistryStorageOptions { ConnectionString = Azurite, SdkMaxRetries = 11 }, "Registry:Storage:SdkMaxRetries must be between 0 and 10 (was 11)." },
    };

    [Theory]
    [MemberData(nameof(ValidOptions))]
    public void Validate_ValidOptions_Succeeds(string description, RegistryStorageOptions options)
    {
        var result = new RegistryStorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, $"{description}: {result.FailureMessage}");
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidOptions_FailsNamingTheKey(string description, RegistryStorageOptions options, string expected)
    {
        var result = new RegistryStorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, description);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    private static RegistryStorageOptions AccountMode(params (string Site, Uri Uri)[] sites)
    {
        var options = new RegistryStorageOptions
        {
            CentralBlobServiceUri = Blob,
            CentralTableServiceUri = Table,
            CentralQueueServiceUri = Queue,
            LandingMode = LandingMode.Account,
        };
        foreach (var (site, uri) in sites)
        {
            options.SiteLandingBlobServiceUris[site] = uri;
        }

        return options;
    }
}
