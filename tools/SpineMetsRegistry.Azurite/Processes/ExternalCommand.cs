using System.ComponentModel;
using System.Diagnostics;

namespace SpineMetsRegistry.Azurite.Processes;

/// <summary>
/// Runs a short-lived command (node --version, npm install) to completion, never longer than
/// its timeout, keeping only the tails of its output for error messages.
/// </summary>
internal static class ExternalCommand
{
    /// <summary>How long to wait for a killed process tree to go before giving up on it.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(10);

    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var standardOutput = new OutputTail();
        var standardError = new OutputTail();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => AddLine(standardOutput, line.Data);
        process.ErrorDataReceived += (_, line) => AddLine(standardError, line.Data);

        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            return new CommandResult(CommandStatus.NotStarted, -1, string.Empty, string.Empty, exception.Message);
        }

        // A closed stdin means a tool that unexpectedly prompts gets EOF instead of hanging.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            await KillTreeAsync(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new CommandResult(CommandStatus.TimedOut, -1, standardOutput.ToString(), standardError.ToString(), null);
        }

        return new CommandResult(CommandStatus.Exited, process.ExitCode, standardOutput.ToString(), standardError.ToString(), null);
    }

    /// <summary>Kills the process and every descendant, then waits (bounded) for it to go.</summary>
    public static async Task KillTreeAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing to kill.
        }

        using var grace = new CancellationTokenSource(KillGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // A process that survives SIGKILL for this long is beyond our reach; the caller
            // reports the original failure rather than hanging here.
        }
    }

    private static void AddLine(OutputTail tail, string? line)
    {
        if (line is not null)
        {
            tail.Add(line);
        }
    }
}
