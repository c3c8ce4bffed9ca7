namespace SpineMetsRegistry.Azurite.Processes;

/// <summary>How a finished external command ended.</summary>
internal enum CommandStatus
{
    /// <summary>The process ran and exited by itself; see the exit code.</summary>
    Exited,

    /// <summary>The executable could not be started (missing, not executable).</summary>
    NotStarted,

    /// <summary>The process outlived its timeout and was killed with its children.</summary>
    TimedOut,
}

/// <summary>The outcome of running an external command to completion.</summary>
internal sealed record CommandResult(
    CommandStatus Status,
    int ExitCode,
    string StandardOutputTail,
    string StandardErrorTail,
    string? StartError)
{
    public bool Succeeded => Status == CommandStatus.Exited && ExitCode == 0;
}
