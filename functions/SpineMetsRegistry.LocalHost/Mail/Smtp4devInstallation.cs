using System.Diagnostics;
using SpineMetsRegistry.Azurite.Locations;

namespace SpineMetsRegistry.LocalHost.Mail;

/// <summary>
/// Installs the pinned smtp4dev (a .NET tool on NuGet: an SMTP server with a web page listing
/// what it received) into <c>&lt;repo&gt;/.local/smtp4dev</c> with <c>dotnet tool install
/// --tool-path</c> on first use, so the local registry's reminder mails reach a real server
/// and nothing is installed globally. Parallel starts (test assemblies) install once, under a
/// file lock.
/// </summary>
internal static class Smtp4devInstallation
{
    /// <summary>The NuGet package of the tool.</summary>
    public const string Package = "Rnwood.Smtp4dev";

    /// <summary>The pinned version (served by the build's NuGet feed).</summary>
    public const string Version = "3.15.0";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The folder the tool is installed in.</summary>
    public static string ToolPath() => Path.Combine(RepositoryRoot.Find() ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SpineMetsRegistry"),
        AzuriteLocations.LocalFolderName, "smtp4dev-" + Version);

    /// <summary>Returns the tool's executable, installing it first if needed.</summary>
    /// <exception cref="InvalidOperationException">The install failed (the message carries dotnet's output).</exception>
    public static async Task<string> EnsureInstalledAsync(Action<string>? progress, CancellationToken cancellationToken)
    {
        var folder = ToolPath();
        var executable = Path.Combine(folder, OperatingSystem.IsWindows() ? "smtp4dev.exe" : "smtp4dev");
        if (File.Exists(executable))
        {
            return executable;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        using var gate = await AcquireAsync(folder + ".lock", cancellationToken);
        if (File.Exists(executable))
        {
            return executable;
        }

        progress?.Invoke($"Installing the local mail server (smtp4dev {Version}, a .NET tool) into {folder} (first start only)...");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "tool", "install", Package, "--version", Version, "--tool-path", folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet tool install'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Installing {Package} {Version} failed (dotnet tool install exit code {process.ExitCode}). Is the NuGet feed reachable? Or run the registry with --no-mail.{Environment.NewLine}{await output}{await error}");
        }

        return executable;
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < InstallTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }
}
