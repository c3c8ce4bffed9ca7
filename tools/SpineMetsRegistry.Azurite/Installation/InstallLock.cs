using System.Diagnostics;

namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>
/// A cross-process exclusive lock on a file. Parallel test assemblies each run their own
/// installer; holding this while checking and installing makes exactly one of them run npm.
/// On Unix .NET backs <see cref="FileShare.None"/> with an advisory flock, which the kernel
/// drops when the holder dies, so a crashed installer never leaves the lock stuck.
/// </summary>
internal sealed class InstallLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _handle;

    private InstallLock(FileStream handle) => _handle = handle;

    /// <summary>Waits for the lock; null when <paramref name="timeout"/> passed without it.</summary>
    public static async Task<InstallLock?> TryAcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new InstallLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(RetryInterval, cancellationToken);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    // The lock file itself stays: deleting it would let a waiter lock an unlinked file while a
    // newcomer locks a fresh one, and both would believe they hold the lock.
    public void Dispose() => _handle.Dispose();
}
