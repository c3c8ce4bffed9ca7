using System.Text.Json;
using SpineMetsRegistry.Cli.Tests.TestSupport;

namespace SpineMetsRegistry.Cli.Tests.Dictionary;

/// <summary><c>spinemets dictionary export --format markdown|json|redcap [--out FILE]</c>.</summary>
public sealed class DictionaryExportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Export_Markdown_ToStandardOutput()
    {
        var run = await CliRun.InvokeAsync("dictionary", "export", "--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# SpineMetsRegistry data dictionary, version 1.0.0", run.Output, StringComparison.Ordinal);
        Assert.Contains("| `study_id` |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| `unknown_column` |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Json_ToStandardOutputParses()
    {
        var run = await CliRun.InvokeAsync("dictionary", "export", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("1.0.0", root.GetProperty("version").GetString());
        Assert.Contains(root.GetProperty("fields").EnumerateArray(), f => f.GetProperty("code").GetString() == "age_at_index");
    }

    [Fact]
    public async Task Export_Redcap_ToStandardOutputStartsWithRedcapHeader()
    {
        var run = await CliRun.InvokeAsync("dictionary", "export", "--format", "redcap");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\",", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("study_id,enrollment,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown", "dictionary.md")]
    [InlineData("json", "dictionary.json")]
    [InlineData("redcap", "redcap.csv")]
    public async Task Export_WithOut_WritesFileIdenticalToStandardOutput(string format, string name)
    {
        var path = Path.Combine(_folder.Path, name);

        var toFile = await CliRun.InvokeAsync("dictionary", "export", "--format", format, "--out", path);
        var toStdout = await CliRun.InvokeAsync("dictionary", "export", "--format", format);

        Assert.Equal(0, toFile.ExitCode);
        Assert.Empty(toFile.Output);
        Assert.Contains($"Wrote data dictionary 1.0.0 ({format}) to {path}", toFile.Error, StringComparison.Ordinal);
        Assert.Equal(toStdout.Output, File.ReadAllText(path));
        Assert.False(File.ReadAllBytes(path).AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "no BOM");
    }

    [Fact]
    public async Task Export_OutIntoMissingDirectory_ExitTwo()
    {
        var run = await CliRun.InvokeAsync("dictionary", "export", "--format", "json", "--out", Path.Combine(_folder.Path, "no", "such", "dir", "d.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Directory not found", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dictionary", "export")]
    [InlineData("dictionary", "export", "--format", "pdf")]
    [InlineData("dictionary")]
    public async Task Export_BadCommandLine_ExitTwo(params string[] args)
    {
        Assert.Equal(2, (await CliRun.InvokeAsync(args)).ExitCode);
    }
}
