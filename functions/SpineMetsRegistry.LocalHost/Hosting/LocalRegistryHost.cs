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
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Storage.Provisioning;

namespace SpineMetsRegistry.LocalHost.Hosting;

/// <summary>
/// The whole registry on one machine: (embedded Azurite), storage provisioned for the
/// configured sites, the ASP.NET Core host on 127.0.0.1 serving the API and dashboard, the
/// container watcher, the ingest queue processor, the Durable Task engine running the ingest
/// orchestrations, and the daily sweep. In worker mode (<see cref="LocalHostSettings.Worker"/>)
/// only the queue processor and the engine run: an extra process sharing the task hub. Tests
/// start it the same way the command line does.
/// </summary>
public sealed class LocalRegistryHost : IAsyncDisposable
{
    private readonly IHost _app;
    private readonly AzuriteServer? _azurite;
    private readonly Uri? _baseAddress;

    private LocalRegistryHost(IHost app, AzuriteServer? azurite, Uri? baseAddress)
    {
        _app = app;
        _azurite = azurite;
        _baseAddress = baseAddress;
    }

    /// <summary>Where the host listens (not in worker mode, which serves no HTTP).</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("A worker serves no HTTP.");

    /// <summary>The workflow engine this host runs.</summary>
    public LocalEngine Engine => _app.Services.GetRequiredService<LocalEngine>();

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
            var overrides = new Dictionary<string, string?>
            {
                ["Registry:Storage:ConnectionString"] = connectionString,
                [RegistryConfigurationSource.FileKey] = settings.RegistryConfigurationFile,
                ["Registry:Storage:TablePrefix"] = settings.StoragePrefix,
                ["Registry:Storage:ContainerPrefix"] = settings.StoragePrefix?.ToLowerInvariant(),
            };
            if (settings.Worker)
            {
                var workerBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
                workerBuilder.Configuration.AddInMemoryCollection(overrides.Where(o => o.Value is not null));
                AddServices(workerBuilder.Services, workerBuilder.Configuration, settings);
                var worker = workerBuilder.Build();
                await PrepareStorageAsync(worker.Services, cancellationToken);
                await worker.StartAsync(cancellationToken);
                return new LocalRegistryHost(worker, azurite, null);
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls($"http://127.0.0.1:{settings.Port}");
            // Only the settings given override configuration: a null here must not erase a
            // value from the command line or the environment.
            builder.Configuration.AddInMemoryCollection(overrides.Where(o => o.Value is not null));

            AddServices(builder.Services, builder.Configuration, settings);
            builder.Services.AddSingleton(sp => LocalCredentials.LoadOrCreate(
                Path.Combine(stateDirectory, "credentials.json"),
                sp.GetRequiredService<RegistryConfiguration>().Sites.Select(s => s.Code)));
            builder.Services.AddSingleton<ICallerResolver>(sp => sp.GetRequiredService<LocalCredentials>());
            builder.Services.AddSingleton<ContainerWatcher>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ContainerWatcher>());
            builder.Services.AddSingleton<Demo.DemoRunner>();
            builder.Services.AddSingleton<StartupSweepGate>();
            if (settings.ScheduleDailySweep)
            {
                builder.Services.AddHostedService<DailySweepService>();
            }
            settings.ConfigureServices?.Invoke(builder.Services);

            var app = builder.Build();
            await PrepareStorageAsync(app.Services, cancellationToken);
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
    /// What both modes run: the registry's services, the engine (its worker, the purge of
    /// finished instances) and the ingest queue processor that starts orchestrations.
    /// </summary>
    private static void AddServices(IServiceCollection services, ConfigurationManager configuration, LocalHostSettings settings)
    {
        services.AddSpineMetsRegistry(configuration);
        services.AddSingleton(settings);
        services.AddLocalEngine(configuration);
        services.AddSingleton<IngestQueueProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestQueueProcessor>());
        if (settings.Worker)
        {
            settings.ConfigureServices?.Invoke(services);
        }
    }

    /// <summary>Provisions the registry's storage and the engine's task hub (both idempotent).</summary>
    private static async Task PrepareStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<RegistryConfiguration>();
        await services.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(configuration.Sites.Select(s => s.Code), cancellationToken);
        await services.GetRequiredService<LocalEngine>().EnsureCreatedAsync();
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
        if (_app is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _app.Dispose();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
