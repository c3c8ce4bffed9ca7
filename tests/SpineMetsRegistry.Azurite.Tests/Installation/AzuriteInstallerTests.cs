using System.Diagnostics;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Locations;
using SpineMetsRegistry.Azurite.Tests.Support;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Azurite.Tests.Installation;

/// <summary>Installs from the real npm registry into throwaway folders.</summary>
public sealed class AzuriteInstallerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EnsureInstalledAsync_CalledAgain_ReusesTheInstallWithoutRunningNpm()
    {
        var installer = new AzuriteInstaller();
        var first = await installer.EnsureInstalledAsync();
        var createdAt = Directory.GetCreationTimeUtc(first.Directory);

        var timer = Stopwatch.StartNew();
        var second = await installer.EnsureInstalledAsync();
        output.WriteLine($"first call ran npm: {first.FreshlyInstalled}; second call took {timer.Elapsed.TotalMilliseconds:0} ms");

        Assert.False(second.FreshlyInstalled);
        Assert.Equal(first.Directory, second.Directory);
        Assert.Equal(createdAt, Directory.GetCreationTimeUtc(second.Directory));
        Assert.Equal(AzuritePackage.PinnedVersion, second.Version);
        Assert.True(File.Exists(second.EntryScript));
    }

    [Fact]
    public async Task EnsureInstalledAsync_DefaultLocation_IsUnderTheCheckoutsLocalFolder()
    {
        var installation = await new AzuriteInstaller().EnsureInstalledAsync();

        var repositoryRoot = RepositoryRoot.Find();
        Assert.NotNull(repositoryRoot);
        Assert.Equal(
            Path.Combine(repositoryRoot, ".local", "azurite", AzuritePackage.PinnedVersion),
            installation.Directory);
    }

    [Fact]
    public async Task EnsureInstalledAsync_ConcurrentInstallersOnAnEmptyRoot_RunNpmExactlyOnce()
    {
        using var root = new TemporaryDirectory();
        var options = new AzuriteInstallOptions { InstallRoot = root.Path };

        var timer = Stopwatch.StartNew();
        var installations = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Task.Run(() => new AzuriteInstaller(options).EnsureInstalledAsync())));
        output.WriteLine($"4 concurrent callers, one npm install: {timer.Elapsed.TotalSeconds:0.0} s");

        var installed = Assert.Single(installations, installation => installation.FreshlyInstalled);
        Assert.Equal(AzuritePackage.PinnedVersion, installed.Version);
        Assert.Equal(root.Combine(AzuritePackage.PinnedVersion), installed.Directory);
        Assert.True(File.Exists(installed.EntryScript));
        Assert.True(File.Exists(installed.ParentWatchScript));
        Assert.All(installations, installation => Assert.Equal(installed.Directory, installation.Directory));
        // Staging happens in a private folder that is renamed into place: nothing is left over.
        Assert.Equal([installed.Directory], Directory.EnumerateDirectories(root.Path));
    }

    [Fact]
    public async Task EnsureInstalledAsync_BrokenInstallAndLeftoverStaging_ReinstallsAndCleansUp()
    {
        using var root = new TemporaryDirectory();
        // What a crash can leave: a stale package claiming another version, and a staging folder.
        var manifest = root.Combine(AzuritePackage.PinnedVersion, "node_modules", "azurite", "package.json");
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        await File.WriteAllTextAsync(manifest, """{ "version": "3.0.0", "bin": { "azurite": "missing.js" } }""");
        Directory.CreateDirectory(root.Combine(".staging-crashed"));
        var installer = new AzuriteInstaller(new AzuriteInstallOptions { InstallRoot = root.Path });

        var installation = await installer.EnsureInstalledAsync();

        Assert.True(installation.FreshlyInstalled);
        Assert.Equal(AzuritePackage.PinnedVersion, installation.Version);
        Assert.True(File.Exists(installation.EntryScript));
        Assert.False(Directory.Exists(root.Combine(".staging-crashed")));
    }

    [Fact]
    public async Task EnsureInstalledAsync_PackagePresentButWatchScriptOutdated_RewritesOnlyTheScript()
    {
        using var root = new TemporaryDirectory();
        var installDirectory = root.Combine(AzuritePackage.PinnedVersion);
        var packageDirectory = Path.Combine(installDirectory, "node_modules", "azurite");
        Directory.CreateDirectory(Path.Combine(packageDirectory, "dist", "src"));
        await File.WriteAllTextAsync(Path.Combine(packageDirectory, "dist", "src", "azurite.js"), "// entry");
        await File.WriteAllTextAsync(
            Path.Combine(packageDirectory, "package.json"),
            $$"""{ "version": "{{AzuritePackage.PinnedVersion}}", "bin": { "azurite": "./dist/src/azurite.js" } }""");
        await File.WriteAllTextAsync(ParentWatchScript.PathIn(installDirectory), "// written by an older build");
        // npm is unusable here, so passing proves npm was not needed.
        var installer = new AzuriteInstaller(new AzuriteInstallOptions { InstallRoot = root.Path, NpmPath = root.Combine("no-npm") });

        var installation = await installer.EnsureInstalledAsync();

        Assert.False(installation.FreshlyInstalled);
        Assert.Equal(Path.Combine(packageDirectory, "dist", "src", "azurite.js"), installation.EntryScript);
        Assert.Equal(ParentWatchScript.Content, await File.ReadAllTextAsync(installation.ParentWatchScript));
    }

    [Fact]
    public async Task EnsureInstalledAsync_NodeMissing_FailsWithNodeNotFound()
    {
        using var root = new TemporaryDirectory();
        var missingNode = root.Combine("no-such-node");
        var installer = new AzuriteInstaller(new AzuriteInstallOptions { InstallRoot = root.Path, NodePath = missingNode });

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => installer.EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NodeNotFound, failure.Failure);
        Assert.Contains("Node.js was not found", failure.Message);
        Assert.Contains(missingNode, failure.Message);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NodeTooOld_FailsWithNodeTooOld()
    {
        using var root = new TemporaryDirectory();
        var oldNode = root.WriteScript("node", "echo v18.19.0");
        var installer = new AzuriteInstaller(new AzuriteInstallOptions { InstallRoot = root.Path, NodePath = oldNode });

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => installer.EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NodeTooOld, failure.Failure);
        Assert.Contains("18.19.0", failure.Message);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmMissing_FailsWithNpmNotFound()
    {
        using var root = new TemporaryDirectory();
        var missingNpm = root.Combine("no-such-npm");
        var installer = new AzuriteInstaller(new AzuriteInstallOptions { InstallRoot = root.Path, NpmPath = missingNpm });

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => installer.EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NpmNotFound, failure.Failure);
        Assert.Contains(missingNpm, failure.Message);
        Assert.False(Directory.Exists(root.Combine(AzuritePackage.PinnedVersion)));
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmFails_ReportsNpmsErrorOutput()
    {
        using var root = new TemporaryDirectory();
        var installer = new AzuriteInstaller(new AzuriteInstallOptions { InstallRoot = root.Path, Version = "0.0.0-does-not-exist" });

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => installer.EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NpmFailed, failure.Failure);
        // npm's own explanation, from its stderr tail.
        Assert.Contains("No matching version found for azurite@0.0.0-does-not-exist", failure.Message);
        Assert.Empty(Directory.EnumerateDirectories(root.Path));
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmHangs_IsKilledAtTheTimeout()
    {
        using var root = new TemporaryDirectory();
        var pidFile = root.Combine("npm.pid");
        var hangingNpm = root.WriteScript("npm", $"echo $$ > '{pidFile}'\necho 'fetching...' >&2\nexec sleep 120");
        var installer = new AzuriteInstaller(new AzuriteInstallOptions
        {
            InstallRoot = root.Path,
            NpmPath = hangingNpm,
            InstallTimeout = TimeSpan.FromSeconds(2),
        });

        var timer = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<AzuriteException>(() => installer.EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NpmTimedOut, failure.Failure);
        Assert.Contains("fetching...", failure.Message);
        Assert.InRange(timer.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        var npmProcessId = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
        Assert.False(ProcessProbe.IsRunning(npmProcessId));
    }
}
