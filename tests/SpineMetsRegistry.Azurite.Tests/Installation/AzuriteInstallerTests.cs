using System.Diagnostics;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Locations;
using SpineMetsRegistry.Azurite.Tests.Support;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Azurite.Tests.Installation;

/// <summary>
/// The checkout's own install, plus throwaway npm projects whose "npm" is a stand-in script, so
/// the decisions around npm ci (when to run it, once, what to report) are tested without the network.
/// </summary>
public sealed class AzuriteInstallerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EnsureInstalledAsync_CalledAgain_ReusesTheInstallWithoutRunningNpm()
    {
        var first = await new AzuriteInstaller().EnsureInstalledAsync();

        var timer = Stopwatch.StartNew();
        var second = await new AzuriteInstaller(new AzuriteInstallOptions { NpmPath = "/nonexistent/npm" }).EnsureInstalledAsync();
        output.WriteLine($"first call ran npm ci: {first.FreshlyInstalled}; second call took {timer.Elapsed.TotalMilliseconds:0} ms");

        Assert.False(second.FreshlyInstalled);
        Assert.Equal(first.Directory, second.Directory);
        Assert.Equal(AzuritePackage.PinnedVersion, second.Version);
        Assert.True(File.Exists(second.EntryScript));
        Assert.Equal(ParentWatchScript.Content, await File.ReadAllTextAsync(second.ParentWatchScript));
    }

    [Fact]
    public async Task EnsureInstalledAsync_DefaultProject_IsTheCheckoutsNodeModules()
    {
        var installation = await new AzuriteInstaller().EnsureInstalledAsync();

        Assert.Equal(Path.Combine(RepositoryRoot.Find()!, "node_modules"), installation.Directory);
    }

    [Fact]
    public async Task EnsureInstalledAsync_ConcurrentInstallers_RunNpmCiExactlyOnce()
    {
        using var project = FakeProject(out var npm, out var runs);
        var options = new AzuriteInstallOptions { ProjectDirectory = project.Path, NpmPath = npm, Progress = TextWriter.Null };

        var installations = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Task.Run(() => new AzuriteInstaller(options).EnsureInstalledAsync())));

        Assert.Single(installations, installation => installation.FreshlyInstalled);
        Assert.Single(await File.ReadAllLinesAsync(runs));
        Assert.All(installations, installation => Assert.Equal(project.Combine("node_modules", "azurite", "dist", "src", "azurite.js"), installation.EntryScript));
    }

    [Fact]
    public async Task EnsureInstalledAsync_LockFileChanged_RunsNpmCiAgain()
    {
        using var project = FakeProject(out var npm, out var runs);
        var options = new AzuriteInstallOptions { ProjectDirectory = project.Path, NpmPath = npm, Progress = TextWriter.Null };
        await new AzuriteInstaller(options).EnsureInstalledAsync();

        await File.AppendAllTextAsync(project.Combine("package-lock.json"), "\n");
        var again = await new AzuriteInstaller(options).EnsureInstalledAsync();

        Assert.True(again.FreshlyInstalled);
        Assert.Equal(2, (await File.ReadAllLinesAsync(runs)).Length);
    }

    [Fact]
    public async Task EnsureInstalledAsync_FirstRun_SaysItIsInstallingWithNpmCi()
    {
        using var project = FakeProject(out var npm, out _);
        var progress = new StringWriter();

        await new AzuriteInstaller(new AzuriteInstallOptions { ProjectDirectory = project.Path, NpmPath = npm, Progress = progress }).EnsureInstalledAsync();

        Assert.Contains($"Installing Azurite {AzuritePackage.PinnedVersion} with npm ci", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("once", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureInstalledAsync_InterruptedInstallWithoutMarker_RunsNpmCi()
    {
        using var project = FakeProject(out var npm, out var runs);
        // What npm ci leaves when stopped half-way: packages, but no marker of completion.
        Directory.CreateDirectory(project.Combine("node_modules", "azurite"));
        await File.WriteAllTextAsync(project.Combine("node_modules", "azurite", "package.json"), """{ "version": "3.35.0" }""");

        var installation = await new AzuriteInstaller(new AzuriteInstallOptions { ProjectDirectory = project.Path, NpmPath = npm, Progress = TextWriter.Null }).EnsureInstalledAsync();

        Assert.True(installation.FreshlyInstalled);
        Assert.Single(await File.ReadAllLinesAsync(runs));
    }

    [Fact]
    public async Task EnsureInstalledAsync_NoLockFile_FailsWithPackageJsonMissing()
    {
        using var project = new TemporaryDirectory();
        await File.WriteAllTextAsync(project.Combine("package.json"), "{}");

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => new AzuriteInstaller(new AzuriteInstallOptions { ProjectDirectory = project.Path }).EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.PackageJsonMissing, failure.Failure);
        Assert.Contains("package-lock.json", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmMissing_FailsWithNpmNotFound()
    {
        using var project = FakeProject(out _, out _);
        var missingNpm = project.Combine("no-such-npm");

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => new AzuriteInstaller(new AzuriteInstallOptions { ProjectDirectory = project.Path, NpmPath = missingNpm, Progress = TextWriter.Null }).EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NpmNotFound, failure.Failure);
        Assert.Contains(missingNpm, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmFails_ReportsNpmsOutputAndLeavesNoMarker()
    {
        using var project = FakeProject(out _, out _);
        var failingNpm = project.WriteScript("failing-npm", "echo 'npm error code EUSAGE: lock file out of sync' >&2\nexit 1");

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => new AzuriteInstaller(new AzuriteInstallOptions { ProjectDirectory = project.Path, NpmPath = failingNpm, Progress = TextWriter.Null }).EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NpmFailed, failure.Failure);
        Assert.Contains("lock file out of sync", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(project.Combine("node_modules", AzuriteInstaller.MarkerFileName)));
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmHangs_IsKilledAtTheTimeout()
    {
        using var project = FakeProject(out _, out _);
        var pidFile = project.Combine("npm.pid");
        var hangingNpm = project.WriteScript("hanging-npm", $"echo $$ > '{pidFile}'\necho 'fetching...' >&2\nexec sleep 120");
        var installer = new AzuriteInstaller(new AzuriteInstallOptions
        {
            ProjectDirectory = project.Path,
            NpmPath = hangingNpm,
            InstallTimeout = TimeSpan.FromSeconds(2),
            Progress = TextWriter.Null,
        });

        var failure = await Assert.ThrowsAsync<AzuriteException>(() => installer.EnsureInstalledAsync());

        Assert.Equal(AzuriteFailure.NpmTimedOut, failure.Failure);
        Assert.Contains("fetching...", failure.Message, StringComparison.Ordinal);
        var npmProcessId = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(ProcessProbe.IsRunning(npmProcessId));
    }

    /// <summary>
    /// An npm project whose "npm" stands in for npm ci: it empties node_modules as npm ci does,
    /// lays out a minimal Azurite package, and appends one line to <paramref name="runs"/> per run.
    /// </summary>
    private static TemporaryDirectory FakeProject(out string npm, out string runs)
    {
        var project = new TemporaryDirectory();
        File.WriteAllText(project.Combine("package.json"), """{ "private": true, "dependencies": { "azurite": "3.35.0" } }""");
        File.WriteAllText(project.Combine("package-lock.json"), """{ "lockfileVersion": 3 }""");
        runs = project.Combine("npm-runs.txt");
        File.WriteAllText(runs, string.Empty);
        npm = project.WriteScript("npm", $$"""
            [ "$1" = ci ] || exit 2
            rm -rf node_modules
            mkdir -p node_modules/azurite/dist/src
            echo "// entry" > node_modules/azurite/dist/src/azurite.js
            echo '{ "version": "{{AzuritePackage.PinnedVersion}}", "bin": { "azurite": "./dist/src/azurite.js" } }' > node_modules/azurite/package.json
            sleep 1
            echo ran >> '{{runs}}'
            """);
        return project;
    }
}
