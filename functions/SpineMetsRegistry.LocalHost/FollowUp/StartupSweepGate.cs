namespace SpineMetsRegistry.LocalHost.FollowUp;

/// <summary>
/// Holds the daily sweep back until the start-up sweep (<c>--sweep-as-of</c>) has run, so a
/// sweep "as of" a day before today is not refused because the daily job swept today first.
/// Open from the start when no start-up sweep was asked for.
/// </summary>
public sealed class StartupSweepGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the daily sweep start.</summary>
    public void Open() => _opened.TrySetResult();

    /// <summary>Waits until the gate is open.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _opened.Task.WaitAsync(cancellationToken);
}
