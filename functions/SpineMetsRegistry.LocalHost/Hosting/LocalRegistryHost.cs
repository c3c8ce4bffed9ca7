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
using SpineMetsRegistry.LocalHost.Mail;
using SpineMetsRegistry.LocalHost.Routes;
using SpineMetsRegistry.LocalHost.Security;
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Notifications.Smtp;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;
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
    /// <summary>The sender address of the local registry's mails (smtp4dev accepts any).</summary>
    public const string LocalSender = "registry@spinemets.localhost";

    private readonly IHost _app;
    private readonly AzuriteServer? _azurite;
    private readonly Smtp4devServer? _mail;
    private readonly Uri? _baseAddress;

    private LocalRegistryHost(IHost app, AzuriteServer? azurite, Smtp4devServer? mail, Uri? baseAddress)
    {
        _app = app;
        _azurite = azurite;
        _mail = mail;
        _baseAddress = baseAddress;
    }

    /// <summary>The local mail server's web page (smtp4dev), or null when the host started none.</summary>
    public Uri? MailWebAddress => _mail?.WebAddress;

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
        Smtp4devServer? mail = null;
        var connectionString = settings.StorageConnectionString;
        if (connectionString is null)
        {
            settings.Progress?.Invoke("Starting local storage (Azurite; the first start installs it with npm ci, about a minute once)...");
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
                return new LocalRegistryHost(worker, azurite, null, null);
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls($"http://127.0.0.1:{settings.Port}");
            if (settings.LocalMailServer && string.IsNullOrWhiteSpace(builder.Configuration[$"{SmtpOptions.Section}:Host"]))
            {
                settings.Progress?.Invoke("Starting the local mail server for reminder notifications (smtp4dev)...");
                mail = await Smtp4devServer.StartAsync(Path.Combine(stateDirectory, "smtp4dev"), settings.Progress, cancellationToken);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    [$"{SmtpOptions.Section}:Host"] = Smtp4devServer.Host,
                    [$"{SmtpOptions.Section}:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [$"{SmtpOptions.Section}:Security"] = nameof(SmtpSecurity.None),
                    [$"{SmtpOptions.Section}:From"] = LocalSender,
                });
            }

            settings.Progress?.Invoke("Starting the registry (storage, API, dashboard, ingest)...");
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
            // Reminder mails link to this host's dashboard unless the configuration names another.
            var listening = new ListeningAddress();
            builder.Services.AddSingleton(listening);
            builder.Services.PostConfigure<ReminderNotificationOptions>(o => o.DashboardUrl ??= listening.Value);
            settings.ConfigureServices?.Invoke(builder.Services);

            var app = builder.Build();
            await PrepareStorageAsync(app.Services, cancellationToken);
            _ = app.Services.GetRequiredService<LocalCredentials>();
            // The demo's start-up sweep runs after its batches are processed (RunStartupSweepAsync),
            // so the daily sweep must not sweep today's empty schedule first.
            if (settings.SweepAsOf is null && !settings.Demo)
            {
                app.Services.GetRequiredService<StartupSweepGate>().Open();
            }

            ApiRoutes.Map(app);
            DashboardRoutes.Map(app);
            await app.StartAsync(cancellationToken);

            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            listening.Value = address;
            return new LocalRegistryHost(app, azurite, mail, address);
        }
        catch
        {
            if (mail is not null)
            {
                await mail.DisposeAsync();
            }

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
        services.AddSingleton<UnprocessableEvents>();
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
    /// Runs the start-up sweep as of <see cref="LocalHostSettings.SweepAsOf"/>, or as of today
    /// with <c>--demo</c> (call it after the demo's batches are processed, so the demo's
    /// digests and mails have something in them), then lets the daily sweep start. Returns null
    /// when no start-up sweep was asked for.
    /// </summary>
    public async Task<FollowUpSweepResult?> RunStartupSweepAsync(CancellationToken cancellationToken = default)
    {
        var settings = _app.Services.GetRequiredService<LocalHostSettings>();
        try
        {
            var asOf = settings.SweepAsOf ?? (settings.Demo ? DateOnly.FromDateTime(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime) : null);
            return asOf is { } day ? await _app.Services.GetRequiredService<IFollowUpSweep>().RunAsync(day, cancellationToken) : null;
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

        if (_mail is not null)
        {
            await _mail.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
