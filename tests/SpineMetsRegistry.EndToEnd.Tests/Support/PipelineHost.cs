using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DurableTask.Core;
using SpineMetsRegistry.Hosting;
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Storage.Provisioning;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// The local host's ingest composition without its HTTP server, watcher and queue: the
/// registry's own registrations (<c>AddSpineMetsRegistry</c>) plus the local Durable Task
/// engine (<c>AddLocalEngine</c>), as <c>LocalRegistryHost</c> registers them, with the
/// engine's worker running and the test engine settings. A test uploads as a site would
/// (through <see cref="ILandingBlobs"/>) and then hands the starter the very event the
/// container watcher would enqueue; the call returns once the orchestration it started has
/// finished. Disposing it is the host going away; <see cref="KillAsync"/> is the host dying
/// with work in flight; a new one over the same storage namespace is a restarted host.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _gone;

    private PipelineHost(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    /// <summary>How long a test waits for one orchestration.</summary>
    public static TimeSpan OrchestrationTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// One attempt per activity: a failing activity fails the workflow at once (a test about
    /// a failure does not wait for retries).
    /// </summary>
    public static WorkflowRetryPolicy NoRetries { get; } = new(1, TimeSpan.Zero, 1.0, TimeSpan.Zero);

    /// <summary>The instant every test clock is frozen at (after every date in the test batches).</summary>
    public static DateTimeOffset Now { get; } = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public IServiceProvider Services => _services;

    public CapturedLogs Logs { get; }

    public ILandingBlobs Landing => Get<ILandingBlobs>();

    /// <summary>Builds the services over a storage namespace and provisions it (idempotent).</summary>
    /// <param name="storage">Where the registry stores.</param>
    /// <param name="registry">The registry configuration file.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    /// <param name="retry">The activity retry policy; none when null (see <see cref="NoRetries"/>).</param>
    /// <param name="configure">Registrations applied last (fault injection).</param>
    /// <param name="engineSettings">The engine settings; <see cref="TestEngine.Settings"/> when null.</param>
    public static async Task<PipelineHost> StartAsync(
        StorageNamespace storage,
        TestRegistry registry,
        TimeProvider? time = null,
        WorkflowRetryPolicy? retry = null,
        Action<IServiceCollection>? configure = null,
        EngineSettings? engineSettings = null)
    {
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>(storage.Settings) { [RegistryConfigurationSource.FileKey] = registry.FilePath };
        foreach (var (key, value) in TestEngine.Configuration(engineSettings))
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        services.AddSingleton(retry ?? NoRetries);

        services.AddSpineMetsRegistry(configuration);
        services.AddLocalEngine(configuration, runInBackground: false);
        services.AddSingleton<EngineStorageCutoff>();
        services.AddSingleton<IEngineStorageGate>(sp => sp.GetRequiredService<EngineStorageCutoff>());
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(registry.Sites);
        var engine = provider.GetRequiredService<LocalEngine>();
        await engine.EnsureCreatedAsync();
        await engine.StartWorkerAsync();
        return new PipelineHost(provider, logs);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Writes a file into a site's incoming/ area, as the site does.</summary>
    public async Task<LandingBlob> PutIncomingAsync(string site, string fileName, byte[] content)
    {
        using (var stream = new MemoryStream(content))
        {
            await Landing.WriteAsync(site, LandingArea.Incoming, fileName, stream, fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/x-ndjson");
        }

        return await Landing.GetAsync(site, LandingArea.Incoming, fileName)
            ?? throw new InvalidOperationException($"incoming/{fileName} of {site} is not there after writing it.");
    }

    public LocalEngine Engine => Get<LocalEngine>();

    /// <summary>
    /// Delivers the BlobCreated event the container watcher would enqueue for the blob and
    /// waits until every orchestration it started has finished; returns what the starter did.
    /// </summary>
    public async Task<IReadOnlyList<IngestStartOutcome>> AnnounceAsync(LandingBlob blob, CancellationToken cancellationToken = default)
    {
        var outcomes = await StartAsync(blob, cancellationToken);
        foreach (var outcome in outcomes.Where(o => o.Outcome is IngestStartStatus.Started or IngestStartStatus.Restarted or IngestStartStatus.AlreadyRunning))
        {
            await WaitForAsync(outcome.Detail, cancellationToken);
        }

        return outcomes;
    }

    /// <summary>Delivers the BlobCreated event and returns once the starter has handled it (the orchestration runs on).</summary>
    public Task<IReadOnlyList<IngestStartOutcome>> StartAsync(LandingBlob blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var json = BlobCreatedEventParser.CreateEventJson(
            "devstoreaccount1", blob.Site, blob.Name, blob.ETag, blob.SizeBytes, Get<TimeProvider>().GetUtcNow(),
            string.Create(CultureInfo.InvariantCulture, $"e2e-{blob.Site}-{blob.ETag.Trim('"')}"));
        return Get<IngestStarter>().HandleMessageAsync(json, Get<IWorkflowStarter>(), cancellationToken);
    }

    /// <summary>Waits until an orchestration has finished; returns its final state.</summary>
    public async Task<OrchestrationState> WaitForAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await Engine.Client.WaitForOrchestrationAsync(new OrchestrationInstance { InstanceId = instanceId }, OrchestrationTimeout, cancellationToken);
        return state is { OrchestrationStatus: not (OrchestrationStatus.Running or OrchestrationStatus.Pending) }
            ? state
            : throw new TimeoutException($"Orchestration {instanceId} did not finish within {OrchestrationTimeout}.");
    }

    /// <summary>The host dies: its worker stops at once, abandoning whatever it was running.</summary>
    public async Task KillAsync()
    {
        await Engine.StopWorkerAsync(forced: true);
        Get<EngineStorageCutoff>().Close();
        _gone = true;
        await _services.DisposeAsync();
    }

    /// <summary>Uploads a batch and runs its ingest; returns the starter's single outcome.</summary>
    public async Task<IngestStartOutcome> UploadAsync(string site, string fileName, byte[] content)
    {
        var blob = await PutIncomingAsync(site, fileName, content);
        return Assert.Single(await AnnounceAsync(blob));
    }

    public async ValueTask DisposeAsync()
    {
        if (_gone)
        {
            return;
        }

        _gone = true;
        await Engine.StopWorkerAsync(forced: false);
        await _services.DisposeAsync();
    }
}
