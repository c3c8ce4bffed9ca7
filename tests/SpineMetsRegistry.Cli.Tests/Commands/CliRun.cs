using System.Text.Json;

namespace SpineMetsRegistry.Cli.Tests.Commands;

/// <summary>Runs the exact command line a user types, capturing standard output and error.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(string commandLine, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exitCode = await SpineMetsCommandLine.InvokeAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, error, reader);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Each output line parsed as one JSON object.</summary>
    public IReadOnlyList<JsonElement> Objects => Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    public JsonElement Single() => Assert.Single(Objects);
}
