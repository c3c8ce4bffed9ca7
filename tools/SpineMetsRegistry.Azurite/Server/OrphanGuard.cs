using System.Collections.Concurrent;

namespace SpineMetsRegistry.Azurite.Server;

/// <summary>
/// Stops every still-running Azurite when this process exits normally (including SIGTERM), so
/// a run that forgets to dispose a server leaves no orphan. A parent killed outright is
/// covered by the parent-watch script inside Azurite instead.
/// </summary>
internal static class OrphanGuard
{
    private static readonly ConcurrentDictionary<AzuriteProcess, bool> Running = new();

    static OrphanGuard() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    public static void Track(AzuriteProcess process) => Running[process] = true;

    public static void Forget(AzuriteProcess process) => Running.TryRemove(process, out _);

    private static void StopAll()
    {
        foreach (var process in Running.Keys)
        {
            try
            {
                process.Stop();
            }
            catch (InvalidOperationException)
            {
                // Already gone or never fully started: nothing left to stop.
            }
        }
    }
}
