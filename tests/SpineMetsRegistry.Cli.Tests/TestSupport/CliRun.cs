namespace SpineMetsRegistry.Cli.Tests.TestSupport;

/// <summary>One `spinemets` invocation with its exit code and both output streams.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs with a fresh, empty configuration folder: never the user's own sign-in.</summary>
    public static Task<CliRun> InvokeAsync(params string[] args) => InFolderAsync(Path.Combine(Path.GetTempPath(), "spinemets-cli-config", Guid.NewGuid().ToString("N")), string.Empty, args);

    /// <summary>Runs with <paramref name="configurationFolder"/> as the user's spinemets folder and <paramref name="input"/> on standard input.</summary>
    public static async Task<CliRun> InFolderAsync(string configurationFolder, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exitCode = await SpineMetsCommandLine.InvokeAsync(args, new CliConsole(output, error, reader) { ConfigurationFolder = configurationFolder });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
