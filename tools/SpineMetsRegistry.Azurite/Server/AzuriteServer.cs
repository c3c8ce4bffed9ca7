using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Locations;

namespace SpineMetsRegistry.Azurite.Server;

/// <summary>
/// A running Azurite (blob, queue and table in one process) bound to 127.0.0.1. Start it with
/// <see cref="StartAsync(AzuriteInstallation, AzuriteServerOptions?, ILogger?, CancellationToken)"/>;
/// disposing kills its whole process tree and waits until it has exited. It also never outlives
/// this process: it is killed on normal exit, and exits by itself if this process is killed.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable, IDisposable
{
    /// <summary>Azurite binds only the loopback interface: nothing off this machine reaches it.</summary>
    public const string Host = "127.0.0.1";

    private readonly AzuriteProcess _process;
    private int _stopped;

    private AzuriteServer(AzuriteProcess process, AzuriteEndpoints endpoints, TimeSpan startupDuration)
    {
        _process = process;
        Endpoints = endpoints;
        ProcessId = process.Id;
        StartupDuration = startupDuration;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>The storage connection string for the development account on this server.</summary>
    public string ConnectionString => Endpoints.ConnectionString;

    public int BlobPort => Endpoints.BlobPort;

    public int QueuePort => Endpoints.QueuePort;

    public int TablePort => Endpoints.TablePort;

    /// <summary>The operating-system id of the Azurite node process.</summary>
    public int ProcessId { get; }

    /// <summary>From the launch until every service reported the port it listens on.</summary>
    public TimeSpan StartupDuration { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines Azurite printed, for diagnostics.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>
    /// Starts Azurite from <paramref name="installation"/> and waits until it serves. A port the
    /// options leave unset is passed to Azurite as 0: the operating system binds a free one and
    /// Azurite reports which, so no port can be taken between choosing and binding it.
    /// </summary>
    /// <exception cref="AzuriteException">Node is missing, a requested port is taken, or Azurite
    /// exited or did not become ready in time (the message carries Azurite's last output).</exception>
    public static async Task<AzuriteServer> StartAsync(
        AzuriteInstallation installation,
        AzuriteServerOptions? options = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installation);
        options ??= AzuriteServerOptions.InMemory;
        logger ??= NullLogger.Instance;
        var requested = new AzuriteEndpoints(Host, options.BlobPort ?? 0, options.QueuePort ?? 0, options.TablePort ?? 0);
        var elapsed = Stopwatch.StartNew();
        var process = AzuriteProcess.Launch(installation, options, requested, PrepareDataDirectory(options), logger);
        AzuriteEndpoints? endpoints;
        StartupOutcome outcome;
        try
        {
            (outcome, endpoints) = await process.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken);
        }
        catch
        {
            await process.StopAsync();
            process.Dispose();
            throw;
        }

        if (outcome == StartupOutcome.Ready && endpoints is not null)
        {
            AzuriteLog.Ready(logger, installation.Version, process.Id, elapsed.Elapsed.TotalSeconds, endpoints.BlobPort, endpoints.QueuePort, endpoints.TablePort);
            return new AzuriteServer(process, endpoints, elapsed.Elapsed);
        }

        var output = process.RecentOutput;
        await process.StopAsync();
        process.Dispose();
        throw Failure(outcome, requested, options, output);
    }

    /// <summary>Closes Azurite's stdin as this process's death would; lets tests prove the watch works.</summary>
    internal void SimulateParentExit() => _process.CloseParentPipe();

    internal Task<int?> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _process.StopAsync();
            _process.Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _process.Stop();
            _process.Dispose();
        }
    }

    private static string? PrepareDataDirectory(AzuriteServerOptions options)
    {
        if (options.Persistence == AzuritePersistence.InMemory)
        {
            return null;
        }

        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? AzuriteLocations.DataDirectory());
        Directory.CreateDirectory(dataDirectory);
        return dataDirectory;
    }

    private static AzuriteException Failure(StartupOutcome outcome, AzuriteEndpoints requested, AzuriteServerOptions options, string output)
    {
        var ports = $"blob {Port(requested.BlobPort)}, queue {Port(requested.QueuePort)}, table {Port(requested.TablePort)}";
        var tail = $"{Environment.NewLine}Azurite's last output:{Environment.NewLine}{output}";
        return outcome switch
        {
            StartupOutcome.PortInUse => new AzuriteException(
                AzuriteFailure.PortUnavailable,
                $"Azurite could not bind its ports ({ports}): one is already in use (is another Azurite running?). "
                + $"Stop whatever holds it or leave the port unset to get a free one.{tail}"),
            StartupOutcome.TimedOut => new AzuriteException(
                AzuriteFailure.StartTimedOut,
                $"Azurite ({ports}) had not reported all three services listening within {options.StartupTimeout.TotalSeconds:0} s and was stopped.{tail}"),
            _ => new AzuriteException(
                AzuriteFailure.StartFailed,
                $"Azurite exited before it was ready ({ports}).{tail}"),
        };
    }

    private static string Port(int port) => port == 0 ? "any free port" : port.ToString(CultureInfo.InvariantCulture);
}
