using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Processes;

namespace SpineMetsRegistry.Azurite.Server;

/// <summary>
/// One launched Azurite node process: captures its output, tells when it is ready, kills it.
/// </summary>
internal sealed partial class AzuriteProcess : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);

    // A little longer than the watch script's own backstop, so the script normally ends it.
    private static readonly TimeSpan GracefulStopTimeout = ParentWatchScript.ShutdownBackstop + TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly AzuriteEndpoints _endpoints;
    private readonly OutputTail _output = new();
    private readonly ConcurrentDictionary<string, int> _reportedPorts = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly bool _stopGracefully;
    private bool? _exitedWhenDisposed;

    private AzuriteProcess(Process process, AzuriteEndpoints endpoints, bool stopGracefully, ILogger logger)
    {
        _process = process;
        _endpoints = endpoints;
        _stopGracefully = stopGracefully;
        _logger = logger;
    }

    public int Id => _process.Id;

    public bool HasExited => _exitedWhenDisposed ?? _process.HasExited;

    public string RecentOutput => _output.ToString();

    public static AzuriteProcess Launch(
        AzuriteInstallation installation,
        AzuriteServerOptions options,
        AzuriteEndpoints endpoints,
        string? dataDirectory,
        ILogger logger)
    {
        var startInfo = new ProcessStartInfo(installation.NodePath)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            // Kept open for Azurite's lifetime: its end-of-file is the parent-exit signal.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // In memory Azurite writes nothing; on disk its data folder is its workspace.
            WorkingDirectory = dataDirectory ?? Path.GetTempPath(),
        };
        startInfo.ArgumentList.Add("--require");
        startInfo.ArgumentList.Add(installation.ParentWatchScript);
        startInfo.ArgumentList.Add(installation.EntryScript);
        foreach (var argument in AzuriteArguments.For(options, endpoints, dataDirectory))
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A custom account list inherited from the caller would make the well-known key wrong.
        startInfo.Environment.Remove("AZURITE_ACCOUNTS");

        var process = new Process { StartInfo = startInfo };
        // Only a data folder has anything to save; in memory a kill loses nothing and is quicker.
        var azurite = new AzuriteProcess(process, endpoints, options.Persistence == AzuritePersistence.Disk, logger);
        process.OutputDataReceived += (_, line) => azurite.OnOutput(line.Data);
        process.ErrorDataReceived += (_, line) => azurite.OnOutput(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new AzuriteException(
                AzuriteFailure.NodeNotFound,
                $"Node.js was not found: could not start '{installation.NodePath}' ({exception.Message}). "
                + $"Install Node.js {AzuritePackage.MinimumNodeMajorVersion} or newer and make sure 'node' is on PATH.",
                exception);
        }

        OrphanGuard.Track(azurite);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return azurite;
    }

    /// <summary>
    /// Waits until each service has reported the port it listens on. Azurite prints that line
    /// from the listening socket's callback, so the port is bound and served by this process
    /// (a port requested as 0 is only known from this line).
    /// </summary>
    public async Task<(StartupOutcome Outcome, AzuriteEndpoints? Endpoints)> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // Drain the output readers so the reason for the exit is in the tail.
                await _process.WaitForExitAsync(cancellationToken);
                return (RecentOutput.Contains("EADDRINUSE", StringComparison.Ordinal) ? StartupOutcome.PortInUse : StartupOutcome.Exited, null);
            }

            if (_reportedPorts.TryGetValue("Blob", out var blob) && _reportedPorts.TryGetValue("Queue", out var queue) && _reportedPorts.TryGetValue("Table", out var table))
            {
                return (StartupOutcome.Ready, _endpoints with { BlobPort = blob, QueuePort = queue, TablePort = table });
            }

            if (waited.Elapsed > timeout)
            {
                return (StartupOutcome.TimedOut, null);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Closes Azurite's stdin, exactly what the death of this process does: the watch script
    /// then runs Azurite's own shutdown and exits.
    /// </summary>
    public void CloseParentPipe() => _process.StandardInput.Close();

    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var grace = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(grace.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stops Azurite: on disk it is first asked to shut down cleanly (so its metadata is saved);
    /// then it and anything it started are killed, and this waits (bounded) until it is gone.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopGracefully && !_process.HasExited)
        {
            CloseParentPipe();
            await WaitForExitAsync(GracefulStopTimeout);
        }

        KillTree();
        await WaitForExitAsync(ExitGrace);
        OrphanGuard.Forget(this);
    }

    /// <inheritdoc cref="StopAsync"/>
    public void Stop()
    {
        if (_stopGracefully && !_process.HasExited)
        {
            CloseParentPipe();
            _process.WaitForExit(GracefulStopTimeout);
        }

        KillTree();
        _process.WaitForExit(ExitGrace);
        OrphanGuard.Forget(this);
    }

    public void Dispose()
    {
        _exitedWhenDisposed ??= _process.HasExited;
        _process.Dispose();
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Add(line);
        AzuriteLog.Output(_logger, _process.Id, line);
        var listening = ListeningLine().Match(line);
        if (listening.Success)
        {
            _reportedPorts[listening.Groups["service"].Value] = int.Parse(listening.Groups["port"].Value, CultureInfo.InvariantCulture);
        }
    }

    // Azurite 3.x prints e.g. "Azurite Blob service is successfully listening at http://127.0.0.1:10000",
    // with the port actually bound (also when it was asked for port 0).
    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://\S+:(?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
