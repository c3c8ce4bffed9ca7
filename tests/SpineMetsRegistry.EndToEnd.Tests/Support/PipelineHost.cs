using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.Hosting;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Local;
using SpineMetsRegistry.Storage.Provisioning;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// The local host's ingest composition without its HTTP server and background services:
/// the registry's own registrations (<c>AddSpineMetsRegistry</c>) plus the in-process
/// workflow runner, as <c>LocalRegistryHost</c> registers them. A test uploads as a site
/// would (through <see cref="ILandingBlobs"/>) and then hands the starter the very event the
/// container watcher would enqueue, so the workflow runs to its end inside the call: no
/// polling. Disposing it is the host going away; a new one over the same storage namespace
/// is a restarted host.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PipelineHost(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    /// <summary>
    /// One attempt per activity: tests run on a frozen fake clock, on which the runner's retry
    /// delays would never elapse, so a failing activity must fail the workflow at once.
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
    public static async Task<PipelineHost> StartAsync(
        StorageNamespace storage,
        TestRegistry registry,
        TimeProvider? time = null,
        WorkflowRetryPolicy? retry = null,
        Action<IServiceCollection>? configure = null)
    {
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>(storage.Settings) { [RegistryConfigurationSource.FileKey] = registry.FilePath };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        services.AddSingleton(retry ?? NoRetries);

        services.AddSpineMetsRegistry(configuration);
        services.AddSingleton<InProcessWorkflowRunner>();
        services.AddSingleton<IWorkflowStarter>(sp => sp.GetRequiredService<InProcessWorkflowRunner>());
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(registry.Sites);
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

    /// <summary>Delivers the BlobCreated event the container watcher would enqueue for the blob; returns what the starter did.</summary>
    public Task<IReadOnlyList<IngestStartOutcome>> AnnounceAsync(LandingBlob blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var json = BlobCreatedEventParser.CreateEventJson(
            "devstoreaccount1", blob.Site, blob.Name, blob.ETag, blob.SizeBytes, Get<TimeProvider>().GetUtcNow(),
            string.Create(CultureInfo.InvariantCulture, $"e2e-{blob.Site}-{blob.ETag.Trim('"')}"));
        return Get<IngestStarter>().HandleMessageAsync(json, Get<IWorkflowStarter>(), cancellationToken);
    }

    /// <summary>Uploads a batch and runs its ingest; returns the starter's single outcome.</summary>
    public async Task<IngestStartOutcome> UploadAsync(string site, string fileName, byte[] content)
    {
        var blob = await PutIncomingAsync(site, fileName, content);
        return Assert.Single(await AnnounceAsync(blob));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
