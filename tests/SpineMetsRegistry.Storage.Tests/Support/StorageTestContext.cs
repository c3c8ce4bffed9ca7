using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Provisioning;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Support;

/// <summary>
/// One test's storage: options on the shared Azurite with a unique table prefix and
/// container prefix (so tests never see each other's rows), the clients, every resource
/// provisioned for the given sites, and a log of the HTTP requests the adapters sent.
/// </summary>
internal sealed class StorageTestContext
{
    private StorageTestContext(AzuriteFixture azurite, RegistryStorageOptions options)
    {
        Azurite = azurite;
        Options = options;
        Clients = new RegistryStorageClients(options, client => client.AddPolicy(Requests, HttpPipelinePosition.PerCall));
    }

    public AzuriteFixture Azurite { get; }

    public RegistryStorageOptions Options { get; }

    public RegistryStorageClients Clients { get; }

    public RequestLog Requests { get; } = new();

    public static async Task<StorageTestContext> CreateAsync(AzuriteFixture azurite, params string[] sites)
    {
        var options = new RegistryStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = StorageNames.Table("t"),
            ContainerPrefix = StorageNames.Container("p") + "-",
        };
        var context = new StorageTestContext(azurite, options);
        await new RegistryStorageProvisioner(context.Clients).EnsureCreatedAsync(sites.Length == 0 ? ["S01"] : sites);
        context.Requests.Clear();
        return context;
    }

    /// <summary>A table client that bypasses the adapters, to look at raw rows.</summary>
    public TableClient RawTable(string logicalName) =>
        Azurite.CreateTableServiceClient().GetTableClient(Clients.Names.Table(logicalName));

    /// <summary>Every row of a table, as stored.</summary>
    public async Task<List<TableEntity>> RowsAsync(string logicalName)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in RawTable(logicalName).QueryAsync<TableEntity>(maxPerPage: 1000))
        {
            rows.Add(entity);
        }

        return rows;
    }

    /// <summary>Records the method and path of every request the adapters send.</summary>
    internal sealed class RequestLog : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<string> _requests = new();

        public IReadOnlyList<string> All => [.. _requests];

        public int CountBatches() => _requests.Count(r => r.EndsWith("/$batch", StringComparison.Ordinal));

        public void Clear() => _requests.Clear();

        public override void OnSendingRequest(HttpMessage message) =>
            _requests.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");
    }
}
