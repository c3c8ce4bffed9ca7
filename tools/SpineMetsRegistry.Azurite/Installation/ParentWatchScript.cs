namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>
/// A tiny script node preloads (<c>--require</c>) into Azurite. The .NET parent holds the
/// write end of Azurite's stdin pipe. When that end closes, because the parent asks Azurite to
/// stop or because the parent died (SIGKILL included: the operating system closes the pipe),
/// the script shuts Azurite down the way Ctrl+C would, so a data folder's metadata is saved,
/// and guarantees the process ends soon after. This covers what
/// <see cref="AppDomain.ProcessExit"/> cannot: a test host that is killed outright.
/// </summary>
internal static class ParentWatchScript
{
    public const string FileName = "spinemets-parent-watch.js";

    /// <summary>How long the script lets Azurite's own shutdown run before exiting regardless.</summary>
    public static readonly TimeSpan ShutdownBackstop = TimeSpan.FromSeconds(10);

    public const string Content = """
        'use strict';
        // Written by SpineMetsRegistry.Azurite. The .NET parent holds the other end of stdin.
        // When it closes, run Azurite's own SIGTERM shutdown (it saves on-disk metadata), and
        // exit after 10 s whatever happens, so Azurite never outlives its parent.
        let stopping = false;
        const stop = () => {
          if (stopping) return;
          stopping = true;
          setTimeout(() => process.exit(0), 10000).unref();
          if (process.listenerCount('SIGTERM') > 0) {
            process.emit('SIGTERM', 'SIGTERM');
          } else {
            process.exit(0);
          }
        };
        process.stdin.on('end', stop);
        process.stdin.on('close', stop);
        process.stdin.on('error', stop);
        process.stdin.resume();
        // Watching stdin must not by itself keep node running once Azurite has shut down.
        process.stdin.unref();

        """;

    public static string PathIn(string installDirectory) => Path.Combine(installDirectory, FileName);

    public static bool IsCurrentIn(string installDirectory)
    {
        var path = PathIn(installDirectory);
        return File.Exists(path) && File.ReadAllText(path) == Content;
    }

    /// <summary>Writes the script next to a temporary name and renames it over, so no reader sees half a file.</summary>
    public static void WriteTo(string installDirectory)
    {
        var path = PathIn(installDirectory);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, Content);
        File.Move(temporary, path, overwrite: true);
    }
}
