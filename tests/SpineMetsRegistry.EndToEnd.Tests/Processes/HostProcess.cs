using System.Collections.Concurrent;
using System.Diagnostics;

namespace SpineMetsRegistry.EndToEnd.Tests.Processes;

/// <summary>
/// The local host as a real child process: the built <c>SpineMetsRegistry.LocalHost.dll</c>
/// (copied next to the tests) started with <c>dotnet</c>, not <c>dotnet run</c> (no build, no
/// MSBuild per start), as a registry (HTTP, watcher, queue, engine) or with <c>--worker</c>.
/// <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    // What the host prints once it serves (LocalHostCommand), as a registry or as a worker.
    private static readonly string[] ReadyLines = ["SpineMetsRegistry is listening at", "SpineMetsRegistry worker running"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>How long the process took from launch to saying it runs.</summary>
    public TimeSpan StartTime { get; private set; }

    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts a host process and waits until it says it runs.</summary>
    public static async Task<HostProcess> StartAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SpineMetsRegistry.LocalHost.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Start-up is JIT-bound on 2 cores: compile quickly first (the hosts live seconds).
        info.Environment["DOTNET_TieredPGO"] = "0";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => host.Receive(e.Data);
        process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException("The host process exited before it ran:\n" + string.Join('\n', host._output)));
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host._ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException timedOut)
        {
            var said = string.Join("\n  ", host._output.TakeLast(30));
            host.Dispose();
            throw new TimeoutException($"The host process did not say it runs within {timeout}; it said:\n  {said}", timedOut);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        host.StartTime = clock.Elapsed;
        return host;
    }

    /// <summary>SIGKILL: the process dies where it is.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ReadyLines.Any(ready => line.StartsWith(ready, StringComparison.Ordinal)))
        {
            _ready.TrySetResult();
        }
    }
}
