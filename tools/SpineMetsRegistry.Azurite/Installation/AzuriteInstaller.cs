using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpineMetsRegistry.Azurite.Locations;
using SpineMetsRegistry.Azurite.Processes;

namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>
/// Makes sure the Azurite pinned by the repository's <c>package.json</c> and
/// <c>package-lock.json</c> is in its <c>node_modules</c>, running <c>npm ci</c> when it is not.
/// npm does the installing; this class only decides whether to run it, keeps parallel test
/// assemblies from running it twice (a file lock), and checks the result.
/// </summary>
public sealed class AzuriteInstaller
{
    /// <summary>Written after a successful <c>npm ci</c>: the SHA-256 of the lock file it installed.</summary>
    internal const string MarkerFileName = ".spinemets-npm-ci";

    private readonly ILogger _logger;

    public AzuriteInstaller(AzuriteInstallOptions? options = null, ILogger? logger = null)
    {
        Options = options ?? new AzuriteInstallOptions();
        _logger = logger ?? NullLogger.Instance;
        ProjectDirectory = Path.GetFullPath(Options.ProjectDirectory ?? RepositoryRoot.Find()
            ?? throw new AzuriteException(
                AzuriteFailure.PackageJsonMissing,
                $"Azurite is installed from the repository's package.json, but no checkout (a folder with {RepositoryRoot.MarkerFileName}) "
                + $"contains {AppContext.BaseDirectory} or {Environment.CurrentDirectory}. Run from a checkout."));
    }

    public AzuriteInstallOptions Options { get; }

    /// <summary>The folder holding package.json, package-lock.json and node_modules.</summary>
    public string ProjectDirectory { get; }

    private string NodeModules => Path.Combine(ProjectDirectory, "node_modules");

    private string LockFile => Path.Combine(ProjectDirectory, "package-lock.json");

    /// <summary>Returns the verified install, running <c>npm ci</c> only when node_modules is missing or stale.</summary>
    /// <exception cref="AzuriteException">The npm project files are missing, npm is missing or failed, or another installer held the lock too long.</exception>
    public async Task<AzuriteInstallation> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var lockHash = await LockFileHashAsync(cancellationToken);
        if (TryInstalled(lockHash, freshlyInstalled: false) is { } existing)
        {
            return existing;
        }

        // npm ci deletes node_modules first: one installer at a time, and the lock lives outside it.
        var lockDirectory = Path.Combine(ProjectDirectory, AzuriteLocations.LocalFolderName);
        Directory.CreateDirectory(lockDirectory);
        using var installLock = await InstallLock.TryAcquireAsync(Path.Combine(lockDirectory, "npm-ci.lock"), Options.LockTimeout, cancellationToken)
            ?? throw new AzuriteException(
                AzuriteFailure.InstallLockTimedOut,
                $"Another process held the Azurite install lock in '{lockDirectory}' for more than {Options.LockTimeout.TotalSeconds:0} s.");

        if (TryInstalled(lockHash, freshlyInstalled: false) is { } installedMeanwhile)
        {
            return installedMeanwhile;
        }

        await Options.Progress.WriteLineAsync(
            $"Installing Azurite {AzuritePackage.PinnedVersion} with npm ci into {NodeModules} (about a minute, once).".AsMemory(), cancellationToken);
        var elapsed = Stopwatch.StartNew();
        await RunNpmCiAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(NodeModules, MarkerFileName), lockHash, cancellationToken);
        AzuriteLog.Installed(_logger, AzuritePackage.Name, AzuritePackage.PinnedVersion, elapsed.Elapsed.TotalSeconds);
        return TryInstalled(lockHash, freshlyInstalled: true)
            ?? throw new AzuriteException(
                AzuriteFailure.InstallIncomplete,
                $"npm ci succeeded but {Manifest} does not describe {AzuritePackage.Name} {AzuritePackage.PinnedVersion} with its entry script; "
                + "package.json and AzuritePackage.PinnedVersion must name the same version.");
    }

    private string Manifest => Path.Combine(NodeModules, AzuritePackage.Name, "package.json");

    private async Task<string> LockFileHashAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(ProjectDirectory, "package.json")) || !File.Exists(LockFile))
        {
            throw new AzuriteException(
                AzuriteFailure.PackageJsonMissing,
                $"'{ProjectDirectory}' has no package.json and package-lock.json, which pin Azurite for npm ci.");
        }

        return Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(LockFile, cancellationToken)));
    }

    /// <summary>
    /// The install, when node_modules came from a completed <c>npm ci</c> of today's lock file
    /// (npm ci empties node_modules first, so an interrupted run leaves no marker) and holds the
    /// pinned Azurite. The parent-watch script is (re)written when it is missing or outdated.
    /// </summary>
    private AzuriteInstallation? TryInstalled(string lockHash, bool freshlyInstalled)
    {
        try
        {
            var marker = Path.Combine(NodeModules, MarkerFileName);
            if (!File.Exists(marker) || File.ReadAllText(marker) != lockHash || !File.Exists(Manifest))
            {
                return null;
            }

            using var manifest = JsonDocument.Parse(File.ReadAllText(Manifest));
            var root = manifest.RootElement;
            if (root.GetProperty("version").GetString() != AzuritePackage.PinnedVersion
                || !root.TryGetProperty("bin", out var bin) || !bin.TryGetProperty(AzuritePackage.Name, out var entry))
            {
                return null;
            }

            var entryScript = Path.GetFullPath(Path.Combine(NodeModules, AzuritePackage.Name, entry.GetString()!));
            if (!File.Exists(entryScript))
            {
                return null;
            }

            if (!ParentWatchScript.IsCurrentIn(NodeModules))
            {
                ParentWatchScript.WriteTo(NodeModules);
            }

            return new AzuriteInstallation(NodeModules, AzuritePackage.PinnedVersion, entryScript, ParentWatchScript.PathIn(NodeModules), Options.NodePath, freshlyInstalled);
        }
        catch (Exception exception) when (exception is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Another process's npm ci is emptying or filling node_modules: treat it as not
            // installed, and wait for that process under the install lock.
            return null;
        }
    }

    private async Task RunNpmCiAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(Options.NpmPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ProjectDirectory,
            ArgumentList = { "ci", "--no-audit", "--no-fund", "--no-update-notifier" },
        };
        using var npm = new Process { StartInfo = startInfo };
        var output = new OutputTail();
        npm.OutputDataReceived += (_, line) => AddLine(output, line.Data);
        npm.ErrorDataReceived += (_, line) => AddLine(output, line.Data);
        try
        {
            npm.Start();
        }
        catch (Win32Exception exception)
        {
            throw new AzuriteException(
                AzuriteFailure.NpmNotFound,
                $"npm was not found: could not start '{Options.NpmPath}' ({exception.Message}). Install Node.js 20 or newer (npm ships with it) and make sure npm is on PATH.",
                exception);
        }

        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new AzuriteException(
                AzuriteFailure.NpmTimedOut,
                $"npm ci did not finish within {Options.InstallTimeout.TotalSeconds:0} s and was stopped. Is the npm registry reachable? npm said:{Environment.NewLine}{output}");
        }

        if (npm.ExitCode != 0)
        {
            throw new AzuriteException(
                AzuriteFailure.NpmFailed,
                $"npm ci in '{ProjectDirectory}' failed with exit code {npm.ExitCode}. npm said:{Environment.NewLine}{output}");
        }
    }

    private static void AddLine(OutputTail output, string? line)
    {
        if (line is not null)
        {
            output.Add(line);
        }
    }
}
