using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// The local registry exactly as the command line starts it (<see cref="LocalRegistryHost"/>:
/// provisioning, HTTP on a free port, container watcher, ingest queue, in-process runner),
/// on the shared Azurite in a storage namespace of its own, with every log line captured.
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
            return new LocalHostRun(await LocalRegistryHost.StartAsync(settings, space.HostArguments), space, logs, state);
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

    /// <summary>Polls the ledger until the batch is completed or failed.</summary>
    public async Task<BatchLedgerEntry> WaitForLedgerAsync(Batch batch, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return await Eventually.GetAsync(
            () => Ledger.GetAsync(batch.Site, batch.Key.Value),
            entry => entry is { Status: BatchStatus.Completed or BatchStatus.Failed },
            timeout,
            $"batch {batch.Key} to be completed or failed");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _state.Delete(recursive: true);
    }
}

/// <summary>Polling with a deadline, for what a background service does in its own time.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value!;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}; last seen: {value?.ToString() ?? "nothing"}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
