using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Locations;
using SpineMetsRegistry.Azurite.Server;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Hosting;
using SpineMetsRegistry.LocalHost.FollowUp;
using SpineMetsRegistry.LocalHost.Ingest;
using SpineMetsRegistry.LocalHost.Mail;
using SpineMetsRegistry.Notifications.Smtp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;
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
    /// <summary>The sender address of the local registry's mails (smtp4dev accepts any).</summary>
    public const string LocalSender = "registry@spinemets.localhost";

    private readonly WebApplication _app;
    private readonly AzuriteServer? _azurite;
    private readonly Smtp4devServer? _mail;

    private LocalRegistryHost(WebApplication app, AzuriteServer? azurite, Smtp4devServer? mail, Uri baseAddress)
    {
        _app = app;
        _azurite = azurite;
        _mail = mail;
        BaseAddress = baseAddress;
    }

    /// <summary>The local mail server's web page (smtp4dev), or null when the host started none.</summary>
    public Uri? MailWebAddress => _mail?.WebAddress;

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
        Smtp4devServer? mail = null;
        var connectionString = settings.StorageConnectionString;
        if (connectionString is null)
        {
            settings.Progress?.Invoke("Starting local storage (Azurite; the first start installs it from npm, about 20 s)...");
            var installation = await new AzuriteInstaller().EnsureInstalledAsync(cancellationToken);
            azurite = await AzuriteServer.StartAsync(installation, AzuriteServerOptions.OnDisk(Path.Combine(stateDirectory, "azurite-data")), cancellationToken: cancellationToken);
            connectionString = azurite.ConnectionString;
        }

        try
        {
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
            var overrides = new Dictionary<string, string?>
            {
                ["Registry:Storage:ConnectionString"] = connectionString,
                [RegistryConfigurationSource.FileKey] = settings.RegistryConfigurationFile,
                ["Registry:Storage:TablePrefix"] = settings.StoragePrefix,
                ["Registry:Storage:ContainerPrefix"] = settings.StoragePrefix?.ToLowerInvariant(),
            };
            builder.Configuration.AddInMemoryCollection(overrides.Where(o => o.Value is not null));

            builder.Services.AddSpineMetsRegistry(builder.Configuration);
            builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton(sp => LocalCredentials.LoadOrCreate(
                Path.Combine(stateDirectory, "credentials.json"),
                sp.GetRequiredService<RegistryConfiguration>().Sites.Select(s => s.Code)));
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
            // Reminder mails link to this host's dashboard unless the configuration names another.
            var listening = new ListeningAddress();
            builder.Services.AddSingleton(listening);
            builder.Services.PostConfigure<ReminderNotificationOptions>(o => o.DashboardUrl ??= listening.Value);
            settings.ConfigureServices?.Invoke(builder.Services);

            var app = builder.Build();
            var configuration = app.Services.GetRequiredService<RegistryConfiguration>();
            await app.Services.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(configuration.Sites.Select(s => s.Code), cancellationToken);
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
        await _app.DisposeAsync();
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
