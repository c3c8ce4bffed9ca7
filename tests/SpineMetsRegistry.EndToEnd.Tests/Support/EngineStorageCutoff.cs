using SpineMetsRegistry.LocalHost.Engine;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// Cuts an in-process host's engine off its storage once the host is "killed"
/// (<see cref="PipelineHost.KillAsync"/>): from then on every request of the dead engine fails,
/// as a dead process makes none. Without it, the lock renewal of an activity frozen at the
/// crash point would keep that activity's message invisible for ever.
/// </summary>
internal sealed class EngineStorageCutoff : IEngineStorageGate
{
    private volatile bool _closed;

    public void Close() => _closed = true;

    public void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new InvalidOperationException("This host was killed: it reaches no storage any more.");
        }
    }
}
