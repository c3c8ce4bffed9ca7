using SpineMetsRegistry.Cli.Tests.TestSupport;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Cli.Tests.Template;

/// <summary><c>spinemets template --out DIR [--format csv|jsonl|redcap] [--site CODE] [--force]</c>.</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private static readonly string Version = DataDictionary.Default.Version;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Out => Path.Combine(_folder.Path, "templates");

    [Theory]
    [InlineData("csv", "batch-example")]
    [InlineData("jsonl", "batch-example")]
    [InlineData("redcap", "redcap-example")]
    public async Task Template_Example_PassesValidateWithoutAnyProblem(string format, string example)
    {
        var written = await CliRun.InvokeAsync("template", "--out", Out, "--format", format, "--site", "S02");
        var file = Path.Combine(Out, $"{example}-{Version}.{(format == "jsonl" ? "jsonl" : "csv")}");

        var validated = await CliRun.InvokeAsync("validate", file, "--site", "S02", "--config", _folder.Config());

        Assert.Equal(0, written.ExitCode);
        Assert.Contains(file, written.Output, StringComparison.Ordinal);
        Assert.Equal(0, validated.ExitCode);
        Assert.Contains("No problems found.", validated.Output, StringComparison.Ordinal);
        Assert.Contains("Summary: 5 records read, 5 accepted (2 enrollment, 3 followup), 0 rejected.", validated.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_CsvTemplate_IsTheHeaderOfEveryDictionaryFieldOnly()
    {
        await CliRun.InvokeAsync("template", "--out", Out);

        var lines = await File.ReadAllLinesAsync(Path.Combine(Out, $"batch-template-{Version}.csv"));

        Assert.Equal([string.Join(',', DataDictionary.Default.Fields.Select(f => f.Code))], lines);
    }

    [Fact]
    public async Task Template_RedcapTemplate_HeaderStartsWithRecordIdAndEvent()
    {
        await CliRun.InvokeAsync("template", "--out", Out, "--format", "redcap");

        var header = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(Out, $"redcap-template-{Version}.csv"))).Split(',');

        Assert.Equal(["study_id", "redcap_event_name"], header[..2]);
        Assert.Contains("lesion_levels___t12", header);
        Assert.Equal("withdrawal_complete", header[^1]);
    }

    [Fact]
    public async Task Template_Example_ContainsOnlyTheSitesSyntheticStudyIds()
    {
        await CliRun.InvokeAsync("template", "--out", Out, "--site", "s04");

        var rows = (await File.ReadAllLinesAsync(Path.Combine(Out, $"batch-example-{Version}.csv"))).Skip(1).ToList();

        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.Matches("^[a-z]+,S04-000[12],", row));
    }

    [Fact]
    public async Task Template_ExistingFiles_RefusedWithExitTwoAndLeftUnchanged()
    {
        Directory.CreateDirectory(Out);
        var existing = Path.Combine(Out, $"batch-example-{Version}.csv");
        await File.WriteAllTextAsync(existing, "mine");

        var run = await CliRun.InvokeAsync("template", "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(existing));
        Assert.False(File.Exists(Path.Combine(Out, $"batch-template-{Version}.csv")));
    }

    [Fact]
    public async Task Template_ExistingFilesWithForce_Overwritten()
    {
        Directory.CreateDirectory(Out);
        var existing = Path.Combine(Out, $"batch-example-{Version}.csv");
        await File.WriteAllTextAsync(existing, "mine");

        var run = await CliRun.InvokeAsync("template", "--out", Out, "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("record_type,study_id,", await File.ReadAllTextAsync(existing), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("template")]
    [InlineData("template", "--out", "x", "--format", "xlsx")]
    [InlineData("template", "--out", "x", "--site", "hospital")]
    public async Task Template_UsageErrors_ExitTwo(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}
