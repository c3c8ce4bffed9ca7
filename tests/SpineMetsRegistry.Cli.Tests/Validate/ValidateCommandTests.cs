using System.Security.Cryptography;
using System.Text.Json;
using SpineMetsRegistry.Cli.Tests.TestSupport;

namespace SpineMetsRegistry.Cli.Tests.Validate;

/// <summary><c>spinemets validate FILE --site CODE [--json|--format] [--config] [--received-on]</c>.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<CliRun> ValidateAsync(string fileName, string content, params string[] options)
    {
        var file = _folder.Write(fileName, content);
        string[] args = ["validate", file, "--config", _folder.Config(), "--received-on", "2026-06-01", .. options];
        return CliRun.InvokeAsync(args);
    }

    [Fact]
    public async Task Validate_CleanBatch_ExitZeroTextReportWithSummary()
    {
        var run = await ValidateAsync("batch.csv", Batches.Valid, "--site", "S01");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Validation report for batch.csv (site S01, data dictionary 1.0.0)", run.Output, StringComparison.Ordinal);
        Assert.Contains("No problems found.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Summary: 2 records read, 2 accepted (1 enrollment, 1 followup), 0 rejected.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Decision: accepted.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BatchWithErrors_ExitOneAndEveryProblemListed()
    {
        var run = await ValidateAsync("batch.csv", Batches.WithErrors, "--site", "S01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR   row 3 [sex] (S01-0002):", run.Output, StringComparison.Ordinal);
        Assert.Contains("WARNING row 4 [saves_grade] (S01-0001):", run.Output, StringComparison.Ordinal);
        Assert.Contains("Summary: 3 records read, 2 accepted (1 enrollment, 1 followup), 1 rejected.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Problems: 1 errors in 1 records, 1 warnings in 1 records.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OnlyWarnings_ExitZero()
    {
        var run = await ValidateAsync("batch.csv", Batches.Valid.Replace(",alive,none,no,no", ",alive,,no,no", StringComparison.Ordinal), "--site", "S01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<missing_recommended>", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_ValidDocumentEachProblemWithRowFieldCodeSeverityMessage()
    {
        var file = _folder.Write("batch-7.csv", Batches.WithErrors);

        var run = await CliRun.InvokeAsync("validate", file, "--site", "S01", "--json", "--config", _folder.Config(), "--received-on", "2026-06-01");

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p =>
        {
            Assert.Equal(JsonValueKind.Number, p.GetProperty("row").ValueKind);
            Assert.Equal(JsonValueKind.String, p.GetProperty("field").ValueKind);
            Assert.Equal(JsonValueKind.String, p.GetProperty("code").ValueKind);
            Assert.Contains(p.GetProperty("severity").GetString(), new[] { "error", "warning" });
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString()));
        });
        Assert.Equal((3, "sex", "invalid_code", "error"), (problems[0].GetProperty("row").GetInt32(), problems[0].GetProperty("field").GetString(), problems[0].GetProperty("code").GetString(), problems[0].GetProperty("severity").GetString()));
        var batch = root.GetProperty("batch");
        Assert.Equal(("S01", "batch-7", "batch-7.csv", "2026-06-01"), (batch.GetProperty("site").GetString(), batch.GetProperty("batchId").GetString(), batch.GetProperty("fileName").GetString(), batch.GetProperty("receivedOn").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), batch.GetProperty("sha256").GetString());
        Assert.Equal("partially_accepted", root.GetProperty("summary").GetProperty("decision").GetString());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Validate_FormatJson_SameAsJsonSwitch()
    {
        var json = await ValidateAsync("batch.csv", Batches.WithErrors, "--site", "S01", "--json");
        var format = await ValidateAsync("batch.csv", Batches.WithErrors, "--site", "S01", "--format", "json");

        Assert.Equal(json.Output, format.Output);
    }

    [Fact]
    public async Task Validate_FormatCsv_HeaderThenOneRowPerProblem()
    {
        var run = await ValidateAsync("batch.csv", Batches.WithErrors, "--site", "S01", "--format", "csv");

        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("row,field,code,severity,study_id,message", lines[0]);
        Assert.StartsWith("3,sex,invalid_code,error,S01-0002,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("4,saves_grade,missing_recommended,warning,S01-0001,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Theory]
    [InlineData("batch.jsonl")]
    [InlineData("batch.ndjson")]
    [InlineData("BATCH.JSONL")]
    public async Task Validate_JsonLinesFile_ValidatedAsJsonLines(string name)
    {
        var run = await ValidateAsync(name, Batches.ValidJsonLines, "--site", "S01", "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("jsonl", root.GetProperty("batch").GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Validate_UnsupportedExtension_ExitOneWithUnsupportedFormatHeld()
    {
        var run = await ValidateAsync("batch.txt", Batches.Valid, "--site", "S01", "--json");

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray());
        Assert.Equal("unsupported_format", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("holdsBatch").GetBoolean());
        Assert.Equal("held", root.GetProperty("summary").GetProperty("decision").GetString());
    }

    [Theory]
    [InlineData("text", "<unsupported_format>")]
    [InlineData("csv", "0,,unsupported_format,error,,")]
    public async Task Validate_UnsupportedExtensionOtherFormats_ReportedToo(string format, string expected)
    {
        var run = await ValidateAsync("batch.xlsx", Batches.Valid, "--site", "S01", "--format", format);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_StudyIdsOfAnotherSite_StudyIdPatternFromConfiguration()
    {
        var run = await ValidateAsync("batch.csv", Batches.Valid, "--site", "S02", "--format", "csv");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2,study_id,study_id_pattern,error,,", run.Output, StringComparison.Ordinal);
        Assert.Contains("3,study_id,study_id_pattern,error,,", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SiteCodeInLowerCase_ResolvedToConfiguredSite()
    {
        var run = await ValidateAsync("batch.csv", Batches.Valid, "--site", "s01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(site S01,", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_HoldWholeBatchPolicyInConfiguration_Held()
    {
        var file = _folder.Write("batch.csv", Batches.WithErrors);

        var run = await CliRun.InvokeAsync("validate", file, "--site", "S01", "--json", "--config", _folder.Config("HoldWholeBatch"), "--received-on", "2026-06-01");

        var summary = JsonDocument.Parse(run.Output).RootElement.GetProperty("summary");
        Assert.Equal(("held", "hold_whole_batch", 0), (summary.GetProperty("decision").GetString(), summary.GetProperty("policy").GetString(), summary.GetProperty("accepted").GetInt32()));
    }

    [Theory]
    [InlineData("2026-06-01", 0)]
    [InlineData("2026-02-20", 1)]
    public async Task Validate_ReceivedOn_DatesAfterItAreInTheFuture(string receivedOn, int exitCode)
    {
        var file = _folder.Write("batch.csv", Batches.Valid);

        var run = await CliRun.InvokeAsync("validate", file, "--site", "S01", "--config", _folder.Config(), "--received-on", receivedOn);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(exitCode == 1, run.Output.Contains("<date_in_future>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MissingFile_ExitTwo()
    {
        var run = await CliRun.InvokeAsync("validate", Path.Combine(_folder.Path, "absent.csv"), "--site", "S01", "--config", _folder.Config());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("File not found", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Validate_MissingSite_ExitTwo()
    {
        var run = await CliRun.InvokeAsync("validate", _folder.Write("batch.csv", Batches.Valid), "--config", _folder.Config());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--site", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoFileArgument_ExitTwo()
    {
        Assert.Equal(2, (await CliRun.InvokeAsync("validate", "--site", "S01")).ExitCode);
    }

    [Fact]
    public async Task Validate_UnknownSiteWithConfiguration_ExitTwoListingSites()
    {
        var run = await ValidateAsync("batch.csv", Batches.Valid, "--site", "S09");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown site 'S09'. Sites: S01, S02.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidConfiguration_ExitTwoListingDefects()
    {
        var config = _folder.Write("bad.json", """{ "sites": [ { "code": "X1", "studyIdPattern": "" } ] }""");

        var run = await CliRun.InvokeAsync("validate", _folder.Write("batch.csv", Batches.Valid), "--site", "S01", "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The registry configuration is invalid:", run.Error, StringComparison.Ordinal);
        Assert.Contains("Site code 'X1' must be S followed by two or three digits", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ConfigurationFileMissing_ExitTwo()
    {
        var run = await CliRun.InvokeAsync("validate", _folder.Write("batch.csv", Batches.Valid), "--site", "S01", "--config", Path.Combine(_folder.Path, "none.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("01/06/2026")]
    [InlineData("tomorrow")]
    public async Task Validate_BadReceivedOn_ExitTwo(string receivedOn)
    {
        var run = await CliRun.InvokeAsync("validate", _folder.Write("batch.csv", Batches.Valid), "--site", "S01", "--config", _folder.Config(), "--received-on", receivedOn);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--received-on must be a date written YYYY-MM-DD.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option", "x")]
    public async Task Validate_UnknownFormatOrOption_ExitTwo(string option, string value)
    {
        var run = await CliRun.InvokeAsync("validate", _folder.Write("batch.csv", Batches.Valid), "--site", "S01", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task Validate_MalformedFile_NoExceptionExitOne()
    {
        var file = _folder.Write("batch.csv", [0xFF, 0xFE, 0x72, 0x00, 0x65, 0x00]);

        var run = await CliRun.InvokeAsync("validate", file, "--site", "S01", "--config", _folder.Config(), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("unsupported_encoding", JsonDocument.Parse(run.Output).RootElement.GetProperty("problems")[0].GetProperty("code").GetString());
    }
}
