using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DurableTask.Core;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// The local registry exactly as the command line starts it (<see cref="LocalRegistryHost"/>:
/// provisioning, HTTP on a free port, container watcher, ingest queue, the Durable Task
/// engine with the test engine settings), on the shared Azurite in a storage namespace of its
/// own, with every log line captured.
/// </summary>
internal sealed class LocalHostRun : IAsyncDisposable
{
    private readonly DirectoryInfo _state;

    private LocalHostRun(LocalRegistryHost host, StorageNamespace storage, CapturedLogs logs, DirectoryInfo state)
    {
        Host = host;
        Storage = storage;
        Logs = logs;
        _state = state;
    }

    public LocalRegistryHost Host { get; }

    public StorageNamespace Storage { get; }

    public CapturedLogs Logs { get; }

    public IBatchLedger Ledger => Host.Services.GetRequiredService<IBatchLedger>();

    public ILandingBlobs Landing => Host.Services.GetRequiredService<ILandingBlobs>();

    public static async Task<LocalHostRun> StartAsync(
        AzuriteFixture azurite,
        TestRegistry registry,
        StorageNamespace? storage = null,
        Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(registry);
        var space = storage ?? StorageNamespace.Create(azurite);
        var logs = new CapturedLogs();
        var state = Directory.CreateTempSubdirectory("spinemets-e2e-host-");
        var settings = new LocalHostSettings
        {
            Port = 0,
            StorageConnectionString = space.ConnectionString,
            StateDirectory = state.FullName,
            RegistryConfigurationFile = registry.FilePath,
            WatchInterval = TimeSpan.FromMilliseconds(200),
            ScheduleDailySweep = false,
            ConfigureServices = services =>
            {
                // Every level reaches the capture; the host's other providers keep their defaults.
                services.AddLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
                configure?.Invoke(services);
            },
        };
        try
        {
            return new LocalHostRun(await LocalRegistryHost.StartAsync(settings, [.. space.HostArguments, .. TestEngine.Arguments()]), space, logs, state);
        }
        catch
        {
            state.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Writes a batch into its site's incoming/ area, as the site does.</summary>
    public async Task UploadAsync(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var content = new MemoryStream(batch.Bytes);
        await Landing.WriteAsync(batch.Site, LandingArea.Incoming, batch.FileName, content, "text/csv");
    }

    /// <summary>
    /// Polls until the batch's orchestration has finished (every activity done: the ledger says
    /// Completed before the last activity has cleaned up), then returns the ledger entry.
    /// </summary>
    public async Task<BatchLedgerEntry> WaitForIngestAsync(Batch batch, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await Eventually.GetAsync(
            () => Host.Engine.Client.GetOrchestrationStateAsync(batch.Key.InstanceId),
            instance => instance is { OrchestrationStatus: not (OrchestrationStatus.Running or OrchestrationStatus.Pending) },
            timeout,
            $"the ingest orchestration of {batch.Key} to finish");
        return await Ledger.GetAsync(batch.Site, batch.Key.Value)
            ?? throw new InvalidOperationException($"The workflow of {batch.Key} finished without a ledger entry.");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _state.Delete(recursive: true);
    }
}
