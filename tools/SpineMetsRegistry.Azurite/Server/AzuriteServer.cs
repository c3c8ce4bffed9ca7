using System.Diagnostics;
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

    private AzuriteServer(AzuriteProcess process, AzuriteEndpoints endpoints, int startAttempts, TimeSpan startupDuration)
    {
        _process = process;
        Endpoints = endpoints;
        ProcessId = process.Id;
        StartAttempts = startAttempts;
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

    /// <summary>How many launches it took (more than one only after a port race).</summary>
    public int StartAttempts { get; }

    /// <summary>From the first launch until every service accepted connections.</summary>
    public TimeSpan StartupDuration { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines Azurite printed, for diagnostics.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>Starts Azurite from <paramref name="installation"/> and waits until it serves.</summary>
    /// <exception cref="AzuriteException">Node is missing, a requested port is taken, or Azurite
    /// exited or did not become ready in time (the message carries Azurite's last output).</exception>
    public static Task<AzuriteServer> StartAsync(
        AzuriteInstallation installation,
        AzuriteServerOptions? options = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(
            installation,
            options ?? AzuriteServerOptions.InMemory,
            new OperatingSystemPortAllocator(),
            logger ?? NullLogger.Instance,
            cancellationToken);

    internal static async Task<AzuriteServer> StartAsync(
        AzuriteInstallation installation,
        AzuriteServerOptions options,
        IPortAllocator portAllocator,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxStartAttempts, 1, nameof(options));
        var dataDirectory = PrepareDataDirectory(options);
        var elapsed = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var endpoints = ChooseEndpoints(options, portAllocator);
            var process = AzuriteProcess.Launch(installation, options, endpoints, dataDirectory, logger);
            StartupOutcome outcome;
            try
            {
                outcome = await process.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken);
            }
            catch
            {
                await process.StopAsync();
                process.Dispose();
                throw;
            }

            if (outcome == StartupOutcome.Ready)
            {
                AzuriteLog.Ready(
                    logger, installation.Version, process.Id, elapsed.Elapsed.TotalSeconds,
                    endpoints.BlobPort, endpoints.QueuePort, endpoints.TablePort);
                return new AzuriteServer(process, endpoints, attempt, elapsed.Elapsed);
            }

            var output = process.RecentOutput;
            await process.StopAsync();
            process.Dispose();
            var someChosenByUs = options.BlobPort is null || options.QueuePort is null || options.TablePort is null;
            if (outcome == StartupOutcome.PortInUse && someChosenByUs && attempt < options.MaxStartAttempts)
            {
                AzuriteLog.PortRaceRetry(logger, attempt);
                continue;
            }

            throw Failure(outcome, endpoints, options, attempt, output);
        }
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

    private static AzuriteEndpoints ChooseEndpoints(AzuriteServerOptions options, IPortAllocator portAllocator)
    {
        int?[] requested = [options.BlobPort, options.QueuePort, options.TablePort];
        foreach (var port in requested.OfType<int>())
        {
            if (!LoopbackPort.IsFree(port))
            {
                throw new AzuriteException(
                    AzuriteFailure.PortUnavailable,
                    $"Port {port} on {Host} is already in use (is another Azurite running?). "
                    + "Stop whatever holds it or leave the port unset to get a free one.");
            }
        }

        var free = new Queue<int>(portAllocator.Allocate(requested.Count(port => port is null)));
        var chosen = requested.Select(port => port ?? free.Dequeue()).ToArray();
        return new AzuriteEndpoints(Host, chosen[0], chosen[1], chosen[2]);
    }

    private static AzuriteException Failure(
        StartupOutcome outcome, AzuriteEndpoints endpoints, AzuriteServerOptions options, int attempts, string output)
    {
        var ports = $"blob {endpoints.BlobPort}, queue {endpoints.QueuePort}, table {endpoints.TablePort}";
        var tail = $"{Environment.NewLine}Azurite's last output:{Environment.NewLine}{output}";
        return outcome switch
        {
            StartupOutcome.PortInUse => new AzuriteException(
                AzuriteFailure.PortUnavailable,
                $"Azurite could not bind its ports ({ports}) after {attempts} attempt(s).{tail}"),
            StartupOutcome.TimedOut => new AzuriteException(
                AzuriteFailure.StartTimedOut,
                $"Azurite was not accepting connections on {ports} within {options.StartupTimeout.TotalSeconds:0} s and was stopped.{tail}"),
            _ => new AzuriteException(
                AzuriteFailure.StartFailed,
                $"Azurite exited before it was ready ({ports}).{tail}"),
        };
    }
}
