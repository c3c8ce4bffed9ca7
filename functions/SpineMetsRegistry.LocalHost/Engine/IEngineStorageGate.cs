namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// Asked before every storage request the engine makes. None is registered in normal use.
/// Recovery tests that kill a host inside its own process register one and close it once the
/// host's worker is stopped: a really killed process makes no more requests, but in-process the
/// engine's leftover loops would (an activity that never returns keeps having its message's lock
/// renewed, so its work would never become visible to the restarted host).
/// </summary>
public interface IEngineStorageGate
{
    /// <summary>Throws when the host may no longer reach its storage.</summary>
    void ThrowIfClosed();
}
