using System.Diagnostics;

namespace SpineMetsRegistry.Azurite.Tests.Support;

internal static class ProcessProbe
{
    /// <summary>Whether a process with this id is still alive (a reaped process no longer exists).</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
