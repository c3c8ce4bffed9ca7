using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Locations;
using SpineMetsRegistry.Azurite.Server;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Hosting;
using SpineMetsRegistry.LocalHost.FollowUp;
using SpineMetsRegistry.LocalHost.Ingest;
using SpineMetsRegistry.LocalHost.Routes;
using SpineMetsRegistry.LocalHost.Security;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Local;
using SpineMetsRegistry.Storage.Provisioning;

namespace SpineMetsRegistry.LocalHost.Hosting;

/// <summary>
/// The whole registry on one machine: (embedded Azurite), storage provisioned for the
/// configured sites, the ASP.NET Core host on 127.0.0.1 serving the API and dashboard, the
/// container watcher, the in-process ingest workflow runner, and the daily sweep. Tests start
/// it the same way the command line does.
/// </summary>
public sealed class LocalRegistryHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AzuriteServer? _azurite;

    private LocalRegistryHost(WebApplication app, AzuriteServer? azurite, Uri baseAddress)
    {
        _app = app;
        _azurite = azurite;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The sign-in keys of each role.</summary>
    public LocalCredentials Credentials => _app.Services.GetRequiredService<LocalCredentials>();

    /// <summary>The dashboard URL, signed in as the committee (the key travels in the fragment, never to a server log).</summary>
    public Uri CommitteeDashboard => new(BaseAddress, "/#key=" + Uri.EscapeDataString(Credentials.Committee));

    /// <summary>Starts the registry and returns once it serves and its storage is provisioned.</summary>
    public static async Task<LocalRegistryHost> StartAsync(LocalHostSettings settings, string[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var stateDirectory = settings.StateDirectory ?? Path.Combine(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory(), AzuriteLocations.LocalFolderName);
        Directory.CreateDirectory(stateDirectory);

        AzuriteServer? azurite = null;
        var connectionString = settings.StorageConnectionString;
        if (connectionString is null)
        {
            var installation = await new AzuriteInstaller().EnsureInstalledAsync(cancellationToken);
            azurite = await AzuriteServer.StartAsync(installation, AzuriteServerOptions.OnDisk(Path.Combine(stateDirectory, "azurite-data")), cancellationToken: cancellationToken);
            connectionString = azurite.ConnectionString;
        }

        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls($"http://127.0.0.1:{settings.Port}");
            // Only the settings given override configuration: a null here must not erase a
            // value from the command line or the environment.
            var overrides = new Dictionary<string, string?>
            {
                ["Registry:Storage:ConnectionString"] = connectionString,
                [RegistryConfigurationSource.FileKey] = settings.RegistryConfigurationFile,
                ["Registry:Storage:TablePrefix"] = settings.StoragePrefix,
                ["Registry:Storage:ContainerPrefix"] = settings.StoragePrefix?.ToLowerInvariant(),
            };
            builder.Configuration.AddInMemoryCollection(overrides.Where(o => o.Value is not null));

            builder.Services.AddSpineMetsRegistry(builder.Configuration);
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton(sp => LocalCredentials.LoadOrCreate(
                Path.Combine(stateDirectory, "credentials.json"),
                sp.GetRequiredService<RegistryConfiguration>().Sites.Select(s => s.Code)));
            builder.Services.AddSingleton<ICallerResolver>(sp => sp.GetRequiredService<LocalCredentials>());
            builder.Services.AddSingleton<InProcessWorkflowRunner>();
            builder.Services.AddSingleton<IWorkflowStarter>(sp => sp.GetRequiredService<InProcessWorkflowRunner>());
            builder.Services.AddSingleton<ContainerWatcher>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ContainerWatcher>());
            builder.Services.AddSingleton<Demo.DemoRunner>();
            builder.Services.AddSingleton<IngestQueueProcessor>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestQueueProcessor>());
            builder.Services.AddSingleton<StartupSweepGate>();
            if (settings.ScheduleDailySweep)
            {
                builder.Services.AddHostedService<DailySweepService>();
            }
            settings.ConfigureServices?.Invoke(builder.Services);

            var app = builder.Build();
            var configuration = app.Services.GetRequiredService<RegistryConfiguration>();
            await app.Services.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(configuration.Sites.Select(s => s.Code), cancellationToken);
            _ = app.Services.GetRequiredService<LocalCredentials>();
            if (settings.SweepAsOf is null)
            {
                app.Services.GetRequiredService<StartupSweepGate>().Open();
            }

            ApiRoutes.Map(app);
            DashboardRoutes.Map(app);
            await app.StartAsync(cancellationToken);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LocalRegistryHost(app, azurite, new Uri(address));
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Runs the start-up sweep as of <see cref="LocalHostSettings.SweepAsOf"/> (for testing and
    /// demos; after the demo's uploads when both are asked for), then lets the daily sweep
    /// start. Returns null when no start-up sweep was asked for.
    /// </summary>
    public async Task<FollowUpSweepResult?> RunStartupSweepAsync(CancellationToken cancellationToken = default)
    {
        var settings = _app.Services.GetRequiredService<LocalHostSettings>();
        try
        {
            return settings.SweepAsOf is { } asOf ? await _app.Services.GetRequiredService<IFollowUpSweep>().RunAsync(asOf, cancellationToken) : null;
        }
        finally
        {
            _app.Services.GetRequiredService<StartupSweepGate>().Open();
        }
    }

    /// <summary>Blocks until the host is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
