using System.Globalization;
using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Benchmarks.Tests;

/// <summary>
/// Runs one benchmark command in this process, as <c>dotnet run -- &lt;args&gt;</c> would, and
/// keeps what it printed. Console output is process-wide, so every smoke test is in one
/// collection (run one at a time).
/// </summary>
internal sealed record BenchmarkRun(int ExitCode, IReadOnlyList<string> Lines)
{
    public static async Task<BenchmarkRun> RunAsync(params string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = await BenchmarkCommands.RunAsync(args);
        }
        finally
        {
            Console.SetOut(original);
        }

        return new BenchmarkRun(exitCode, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The numbers of the last line, which must match <paramref name="pattern"/> (numbers as groups).</summary>
    public double[] LastLine(string pattern)
    {
        Assert.NotEmpty(Lines);
        var match = Regex.Match(Lines[^1], pattern);
        Assert.True(match.Success, $"The last line '{Lines[^1]}' does not match {pattern}.");
        return match.Groups.Values.Skip(1).Select(g => double.Parse(g.Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The line starting with <paramref name="prefix"/>.</summary>
    public string Line(string prefix) =>
        Lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line starts with '{prefix}' in:\n{string.Join('\n', Lines)}");
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Benchmarks write to the console";
}
