namespace SpineMetsRegistry.LocalHost.Hosting;

/// <summary>How the local registry runs (command-line flags and the LocalHost configuration section).</summary>
public sealed record LocalHostSettings
{
    /// <summary>The HTTP port on 127.0.0.1 (0 picks a free one).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>
    /// A storage connection string; null starts an embedded Azurite (installed from npm on
    /// first use) with its data under .local/azurite-data.
    /// </summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Where local state lives (credentials, Azurite data): the repository's .local folder by default.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Generate and upload synthetic batches for five sites, wait for them, print a summary.</summary>
    public bool Demo { get; init; }

    /// <summary>
    /// Worker mode: an extra process that shares the task hub (runs orchestrations, activities
    /// and ingest queue messages) with no HTTP, no container watcher and no sweep.
    /// </summary>
    public bool Worker { get; init; }

    /// <summary>How often site containers are checked for new uploads.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the daily follow-up sweep runs on its own (tests switch it off and call it).</summary>
    public bool ScheduleDailySweep { get; init; } = true;

    /// <summary>Run one sweep as of this day at start-up (for testing and demos).</summary>
    public DateOnly? SweepAsOf { get; init; }

    /// <summary>
    /// A prefix for every table, central container, queue and landing container name, so
    /// several registries (or test runs) can share one storage account. Empty in normal use.
    /// </summary>
    public string? StoragePrefix { get; init; }

    /// <summary>
    /// Start smtp4dev (installed into .local/ on first use) as the mail server for reminder
    /// notifications, unless the configuration names one (Registry:Smtp:Host). The command line
    /// turns it on (off with --no-mail); off by default for hosts that tests start.
    /// </summary>
    public bool LocalMailServer { get; init; }

    /// <summary>Told what the host is doing while it starts (the command line prints it; null: silent).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The registry configuration file; null uses registry.json next to the binaries.</summary>
    public string? RegistryConfigurationFile { get; init; }

    /// <summary>
    /// Registrations applied after the host's own; null when run from the command line. Lets a
    /// test observe exactly the host the command line starts (e.g. add a logger provider that
    /// captures every log line) without a second way of composing it.
    /// </summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
