using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpineMetsRegistry.Azurite.Locations;
using SpineMetsRegistry.Azurite.Processes;

namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>
/// Makes sure the pinned Azurite is installed from npm under the install root
/// (<c>&lt;root&gt;/&lt;version&gt;/node_modules/azurite</c>). Idempotent and safe to call from
/// several processes at once: an existing install is verified and reused; otherwise one caller
/// takes a file lock, installs into a private staging folder and renames it into place, so no
/// caller ever sees a half-written install.
/// </summary>
public sealed class AzuriteInstaller
{
    private const string LockFileName = ".install.lock";
    private const string StagingPrefix = ".staging-";

    private readonly ILogger _logger;

    public AzuriteInstaller(AzuriteInstallOptions? options = null, ILogger? logger = null)
    {
        Options = options ?? new AzuriteInstallOptions();
        _logger = logger ?? NullLogger.Instance;
        InstallRoot = Path.GetFullPath(Options.InstallRoot ?? AzuriteLocations.InstallRoot());
        InstallDirectory = Path.Combine(InstallRoot, Options.Version);
    }

    public AzuriteInstallOptions Options { get; }

    /// <summary>The folder holding one subfolder per installed version, and the lock file.</summary>
    public string InstallRoot { get; }

    /// <summary>The folder the configured version is (or will be) installed in.</summary>
    public string InstallDirectory { get; }

    /// <summary>Returns the verified install, running npm only when it is missing or broken.</summary>
    public async Task<AzuriteInstallation> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        // Fast path without the lock: the folder only ever appears complete (it is renamed in).
        if (TryExisting() is { } existing && ParentWatchScript.IsCurrentIn(InstallDirectory))
        {
            return existing;
        }

        Directory.CreateDirectory(InstallRoot);
        using var installLock = await InstallLock.TryAcquireAsync(
            Path.Combine(InstallRoot, LockFileName), Options.LockTimeout, cancellationToken)
            ?? throw new AzuriteException(
                AzuriteFailure.InstallLockTimedOut,
                $"Another process held the Azurite install lock in '{InstallRoot}' for more than "
                + $"{Options.LockTimeout.TotalSeconds:0} s.");

        // Whoever held the lock before us may just have installed it.
        if (TryExisting() is { } installedMeanwhile)
        {
            // A package installed by an older build of this library only needs today's script.
            if (!ParentWatchScript.IsCurrentIn(InstallDirectory))
            {
                ParentWatchScript.WriteTo(InstallDirectory);
            }

            return installedMeanwhile;
        }

        return await InstallAsync(cancellationToken);
    }

    private AzuriteInstallation? TryExisting()
    {
        var package = InstalledPackage.TryRead(InstallDirectory);
        if (package is null || package.Version != Options.Version || !File.Exists(package.EntryScript))
        {
            return null;
        }

        return ToInstallation(package, freshlyInstalled: false);
    }

    private async Task<AzuriteInstallation> InstallAsync(CancellationToken cancellationToken)
    {
        var nodeVersion = await NodeVersionCheck.RequireAsync(Options.NodePath, Options.ProbeTimeout, cancellationToken);
        RemoveLeftoverStagingFolders();

        var staging = Path.Combine(InstallRoot, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            AzuriteLog.Installing(_logger, AzuritePackage.Name, Options.Version, InstallDirectory, nodeVersion);
            var elapsed = Stopwatch.StartNew();
            await File.WriteAllTextAsync(Path.Combine(staging, "package.json"), """{ "private": true }""", cancellationToken);
            await RunNpmInstallAsync(staging, cancellationToken);

            var package = InstalledPackage.TryRead(staging);
            if (package is null || package.Version != Options.Version || !File.Exists(package.EntryScript))
            {
                throw new AzuriteException(
                    AzuriteFailure.InstallIncomplete,
                    $"npm reported success but '{InstalledPackage.ManifestPath(staging)}' does not describe "
                    + $"{AzuritePackage.Name} {Options.Version} with its entry script (found: {package?.Version ?? "nothing"}).");
            }

            ParentWatchScript.WriteTo(staging);
            if (Directory.Exists(InstallDirectory))
            {
                // Only a broken or outdated install gets here (a good one returned earlier).
                Directory.Delete(InstallDirectory, recursive: true);
            }

            Directory.Move(staging, InstallDirectory);
            AzuriteLog.Installed(_logger, AzuritePackage.Name, Options.Version, elapsed.Elapsed.TotalSeconds);
            return ToInstallation(InstalledPackage.TryRead(InstallDirectory)!, freshlyInstalled: true);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    private async Task RunNpmInstallAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "install", "--no-audit", "--no-fund", "--no-update-notifier", "--save-exact",
            $"{AzuritePackage.Name}@{Options.Version}",
        ];
        var result = await ExternalCommand.RunAsync(
            Options.NpmPath, arguments, workingDirectory, NpmEnvironment(), Options.InstallTimeout, cancellationToken);
        var commandLine = $"{Options.NpmPath} {string.Join(' ', arguments)}";
        switch (result.Status)
        {
            case CommandStatus.NotStarted:
                throw new AzuriteException(
                    AzuriteFailure.NpmNotFound,
                    $"npm was not found: could not start '{Options.NpmPath}' ({result.StartError}). "
                    + "Install npm (it ships with Node.js) and make sure it is on PATH.");
            case CommandStatus.TimedOut:
                throw new AzuriteException(
                    AzuriteFailure.NpmTimedOut,
                    $"'{commandLine}' did not finish within {Options.InstallTimeout.TotalSeconds:0} s and was stopped. "
                    + $"Is the npm registry reachable? Last npm output:{Environment.NewLine}{result.StandardErrorTail}");
            case CommandStatus.Exited when result.ExitCode != 0:
                throw new AzuriteException(
                    AzuriteFailure.NpmFailed,
                    $"'{commandLine}' failed with exit code {result.ExitCode}. npm said:{Environment.NewLine}{result.StandardErrorTail}");
        }
    }

    /// <summary>
    /// npm runs through a <c>#!/usr/bin/env node</c> script: when a specific node was
    /// configured, put its folder first on PATH so npm runs on that node too.
    /// </summary>
    private Dictionary<string, string?> NpmEnvironment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["npm_config_update_notifier"] = "false",
            ["npm_config_fund"] = "false",
            ["npm_config_audit"] = "false",
        };
        if (Path.IsPathRooted(Options.NodePath))
        {
            environment["PATH"] = Path.GetDirectoryName(Options.NodePath) + Path.PathSeparator
                + Environment.GetEnvironmentVariable("PATH");
        }

        return environment;
    }

    /// <summary>Staging folders left by a crashed install; safe to remove while we hold the lock.</summary>
    private void RemoveLeftoverStagingFolders()
    {
        foreach (var leftover in Directory.EnumerateDirectories(InstallRoot, StagingPrefix + "*"))
        {
            AzuriteLog.RemovingLeftover(_logger, leftover);
            DeleteQuietly(leftover);
        }
    }

    private AzuriteInstallation ToInstallation(InstalledPackage package, bool freshlyInstalled) => new(
        InstallDirectory,
        package.Version,
        package.EntryScript,
        ParentWatchScript.PathIn(InstallDirectory),
        Options.NodePath,
        freshlyInstalled);

    private void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException exception)
        {
            AzuriteLog.CouldNotRemove(_logger, exception, directory);
        }
        catch (UnauthorizedAccessException exception)
        {
            AzuriteLog.CouldNotRemove(_logger, exception, directory);
        }
    }
}
