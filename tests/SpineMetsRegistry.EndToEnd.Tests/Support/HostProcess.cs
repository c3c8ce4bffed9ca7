using System.Collections.Concurrent;
using System.Diagnostics;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// The local host as a real child process: the built <c>SpineMetsRegistry.LocalHost.dll</c>
/// (copied next to the tests) started with <c>dotnet</c>, as a registry (HTTP, watcher, queue,
/// engine) or with <c>--worker</c>. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

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
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => host.Receive(e.Data);
        process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException("The host process exited before it ran:\n" + string.Join('\n', host._output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host._ready.Task.WaitAsync(timeout);
        }
        catch
        {
            host.Dispose();
            throw;
        }

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
        if (line.StartsWith("SpineMetsRegistry is running at", StringComparison.Ordinal) || line.StartsWith("SpineMetsRegistry worker running", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
