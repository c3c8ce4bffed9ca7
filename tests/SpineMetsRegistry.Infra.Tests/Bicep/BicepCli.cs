using System.Diagnostics;

namespace SpineMetsRegistry.Infra.Tests.Bicep;

/// <summary>
/// Runs the real Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package.
/// NuGet extraction may drop the executable bit, so it is restored once before first use.
/// </summary>
public sealed class BicepCli
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<BicepCli> Shared = new(() => new BicepCli(RepositoryLayout.ReadMetadata("BicepExecutable")));

    private BicepCli(string executablePath)
    {
        if (!File.Exists(executablePath))
        {
            throw new FileNotFoundException("The Bicep CLI from the NuGet package is missing; run a restore.", executablePath);
        }

        EnsureExecutable(executablePath);
        ExecutablePath = executablePath;
    }

    public static BicepCli Instance => Shared.Value;

    public string ExecutablePath { get; }

    public BicepRun Run(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Keep the run hermetic: no telemetry, no interactive prompts, no colour codes in output.
        startInfo.Environment["BICEP_TRACING_ENABLED"] = "false";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["NO_COLOR"] = "1";
        // main.bicepparam reads SPINEMETS_* variables: the test decides their values, never the
        // developer's shell. A null value removes a variable, to show what happens without it.
        foreach (var inherited in startInfo.Environment.Keys.Where(key => key.StartsWith("SPINEMETS_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {DefaultTimeout.TotalSeconds} s.");
        }

        return new BicepRun(arguments, process.ExitCode, standardOutput.GetAwaiter().GetResult(), standardError.GetAwaiter().GetResult());
    }

    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode executeBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | executeBits);
        }
    }
}
