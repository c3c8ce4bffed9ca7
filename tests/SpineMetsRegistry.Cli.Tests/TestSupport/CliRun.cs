namespace SpineMetsRegistry.Cli.Tests.TestSupport;

/// <summary>One `spinemets` invocation with its exit code and both output streams.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SpineMetsCommandLine.InvokeAsync(args, output, error, TextReader.Null);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
