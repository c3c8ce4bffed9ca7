using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Server;
using Xunit;

namespace SpineMetsRegistry.Testing.Azurite;

/// <summary>
/// One in-memory Azurite for a test collection: installed with <c>npm ci</c> on first use (into
/// the checkout's <c>node_modules</c>, shared by every test assembly), started on free loopback ports, and
/// killed when the collection is done. Tests share the server, so each test creates its own
/// tables, containers and queues with <see cref="StorageNames"/> and never collides with another.
/// Use it through <see cref="AzuriteCollection"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    /// <summary>The running server; only valid once xunit has initialised the fixture.</summary>
    public AzuriteServer Server =>
        _server ?? throw new InvalidOperationException("The Azurite fixture has not been initialised by xunit yet.");

    /// <summary>The storage connection string for the development account on this server.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>How long making sure Azurite is installed took (seconds when npm ran, milliseconds otherwise).</summary>
    public TimeSpan InstallDuration { get; private set; }

    /// <summary>Whether this fixture's install check ran <c>npm ci</c>.</summary>
    public bool InstalledAzurite { get; private set; }

    public TableServiceClient CreateTableServiceClient() => new(ConnectionString);

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    public QueueServiceClient CreateQueueServiceClient() => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var installing = Stopwatch.StartNew();
        var installation = await new AzuriteInstaller().EnsureInstalledAsync();
        InstallDuration = installing.Elapsed;
        InstalledAzurite = installation.FreshlyInstalled;
        _server = await AzuriteServer.StartAsync(installation, AzuriteServerOptions.InMemory);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
