using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Configuration;

namespace SpineMetsRegistry.Storage.Connection;

/// <summary>
/// The Azure SDK clients for every table, container and queue the registry uses, built once
/// from <see cref="RegistryStorageOptions"/>: from the connection string (Azurite, local: one
/// account for everything) or from the service URIs with <see cref="DefaultAzureCredential"/>.
/// Landing containers are resolved per site, because in account mode each site has its own
/// storage account. SDK clients are thread-safe and meant to be reused, hence one instance.
/// </summary>
public sealed class RegistryStorageClients
{
    private readonly RegistryStorageOptions _options;
    private readonly Action<ClientOptions>? _configureClient;
    private readonly TokenCredential? _credential;
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _centralBlobs;
    private readonly QueueServiceClient _queues;
    private readonly BlobServiceClient? _sharedLanding;
    private readonly ConcurrentDictionary<string, BlobServiceClient> _siteLanding = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TableClient> _tableClients = new(StringComparer.Ordinal);

    /// <summary>Creates the clients from options (validated through the options pipeline).</summary>
    public RegistryStorageClients(IOptions<RegistryStorageOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Creates the clients from options; throws <see cref="OptionsValidationException"/> when they are invalid.</summary>
    public RegistryStorageClients(RegistryStorageOptions options)
        : this(options, configureClient: null)
    {
    }

    /// <summary>
    /// Creates the clients with every registered <see cref="IStorageClientOptionsConfigurator"/>
    /// applied to each SDK client's options after the registry's own settings (none in production).
    /// </summary>
    public RegistryStorageClients(RegistryStorageOptions options, IEnumerable<IStorageClientOptionsConfigurator> configurators)
        : this(options, Combine(configurators))
    {
    }

    /// <summary>
    /// Creates the clients, letting the caller adjust every SDK client's options after the
    /// registry's own settings (tests add a pipeline policy to observe requests).
    /// </summary>
    internal RegistryStorageClients(RegistryStorageOptions options, Action<ClientOptions>? configureClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new RegistryStorageOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RegistryStorageOptions), validation.Failures);
        }

        _options = options;
        _configureClient = configureClient;
        Names = new StorageResourceNames(options);
        if (options.UsesConnectionString)
        {
            _tables = new TableServiceClient(options.ConnectionString, Configured(new TableClientOptions()));
            _centralBlobs = new BlobServiceClient(options.ConnectionString, Configured(new BlobClientOptions()));
            _queues = new QueueServiceClient(options.ConnectionString, Configured(new QueueClientOptions()));
            _sharedLanding = _centralBlobs;
            return;
        }

        _credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        _tables = new TableServiceClient(options.CentralTableServiceUri, _credential, Configured(new TableClientOptions()));
        _centralBlobs = BlobServiceFor(options.CentralBlobServiceUri!);
        _queues = new QueueServiceClient(options.CentralQueueServiceUri, _credential, Configured(new QueueClientOptions()));
        _sharedLanding = options.LandingMode == LandingMode.Container ? BlobServiceFor(options.LandingBlobServiceUri!) : null;
    }

    /// <summary>The concrete resource names.</summary>
    public StorageResourceNames Names { get; }

    /// <summary>The table service of the central account.</summary>
    public TableServiceClient TableService => _tables;

    /// <summary>The blob service of the central account.</summary>
    public BlobServiceClient CentralBlobService => _centralBlobs;

    /// <summary>The queue service of the central account.</summary>
    public QueueServiceClient QueueService => _queues;

    /// <summary>A table by logical name (see <see cref="Tables.RegistryTables"/>).</summary>
    public TableClient Table(string logicalName) =>
        _tableClients.GetOrAdd(logicalName, name => _tables.GetTableClient(Names.Table(name)));

    /// <summary>The container of a central area.</summary>
    public BlobContainerClient CentralContainer(CentralArea area) =>
        _centralBlobs.GetBlobContainerClient(Names.CentralContainer(area));

    /// <summary>The ingest queue.</summary>
    public QueueClient IngestQueue => _queues.GetQueueClient(Names.IngestQueue);

    /// <summary>The ingest queue's poison queue.</summary>
    public QueueClient IngestPoisonQueue => _queues.GetQueueClient(Names.IngestPoisonQueue);

    /// <summary>
    /// A site's landing container: in the one landing account (container mode, and always with
    /// a connection string) or in the site's own account (account mode).
    /// </summary>
    public BlobContainerClient LandingContainer(string site) =>
        LandingService(site).GetBlobContainerClient(Names.LandingContainer(site));

    private BlobServiceClient LandingService(string site)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        if (_sharedLanding is not null)
        {
            return _sharedLanding;
        }

        return _siteLanding.GetOrAdd(site, code =>
        {
            // Configuration keys are case-insensitive, whatever comparer the bound dictionary has.
            var uri = _options.SiteLandingBlobServiceUris.FirstOrDefault(p => string.Equals(p.Key, code, StringComparison.OrdinalIgnoreCase)).Value;
            return uri is not null
                ? BlobServiceFor(uri)
                : throw new InvalidOperationException(
                    $"LandingMode is 'account' but {RegistryStorageOptions.SectionName}:SiteLandingBlobServiceUris has no landing blob endpoint for site '{code}'.");
        });
    }

    private static Action<ClientOptions>? Combine(IEnumerable<IStorageClientOptionsConfigurator> configurators)
    {
        ArgumentNullException.ThrowIfNull(configurators);
        var list = configurators.ToList();
        return list.Count == 0 ? null : clientOptions => list.ForEach(c => c.Configure(clientOptions));
    }

    private T Configured<T>(T clientOptions)
        where T : ClientOptions
    {
        SdkRetry.Configure(clientOptions, _options);
        _configureClient?.Invoke(clientOptions);
        return clientOptions;
    }

    private BlobServiceClient BlobServiceFor(Uri uri) =>
        new(uri, _credential, Configured(new BlobClientOptions()));
}
