using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation.Reports;

/// <summary>The JSON (machine), CSV (spreadsheet) and text (reader) renderings of one report.</summary>
public sealed class ReportWriterTests
{
    private static readonly string MixedBatch = BatchText.Csv(
        SampleRows.Enrollment("S01-0001"),
        SampleRows.Enrollment("S01-0002").With("sex", "x"),
        SampleRows.FollowUp("S01-0001").Without("saves_grade"));

    [Fact]
    public async Task JsonReport_MixedBatch_DocumentWithBatchProblemsAndSummary()
    {
        var reports = await RenderedReports.RenderCsvAsync(MixedBatch);
        var root = JsonDocument.Parse(reports.Json).RootElement;

        Assert.Equal(1, root.GetProperty("reportVersion").GetInt32());
        var batch = root.GetProperty("batch");
        Assert.Equal(
            ("S01", "batch-001", "batch-001.csv", "csv", "1.0.0", "2026-06-01", "ab12"),
            (batch.GetProperty("site").GetString(), batch.GetProperty("batchId").GetString(), batch.GetProperty("fileName").GetString(),
             batch.GetProperty("format").GetString(), batch.GetProperty("dictionaryVersion").GetString(), batch.GetProperty("receivedOn").GetString(),
             batch.GetProperty("sha256").GetString()));

        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(3, problems[0].GetProperty("row").GetInt32());
        Assert.Equal("sex", problems[0].GetProperty("field").GetString());
        Assert.Equal("invalid_code", problems[0].GetProperty("code").GetString());
        Assert.Equal("error", problems[0].GetProperty("severity").GetString());
        Assert.Equal("S01-0002", problems[0].GetProperty("studyId").GetString());
        Assert.False(problems[0].TryGetProperty("holdsBatch", out _));
        Assert.Equal("warning", problems[1].GetProperty("severity").GetString());
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));

        var summary = root.GetProperty("summary");
        Assert.Equal("partially_accepted", summary.GetProperty("decision").GetString());
        Assert.Equal("accept_valid_rows", summary.GetProperty("policy").GetString());
        Assert.Equal((3, 2, 1, 1, 1), (summary.GetProperty("records").GetInt32(), summary.GetProperty("accepted").GetInt32(), summary.GetProperty("rejected").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32()));
        Assert.Equal(1, summary.GetProperty("acceptedByRecordType").GetProperty("followup").GetInt32());
        Assert.Equal(1, summary.GetProperty("problemsByCode").GetProperty("invalid_code").GetInt32());
        Assert.False(summary.GetProperty("crossBatchChecks").GetBoolean());
        Assert.False(summary.GetProperty("structuralProblems").GetBoolean());
    }

    [Fact]
    public async Task JsonReport_FileProblem_NullFieldRowZeroAndHoldsBatch()
    {
        var reports = await RenderedReports.RenderCsvAsync("");
        var problem = JsonDocument.Parse(reports.Json).RootElement.GetProperty("problems")[0];

        Assert.Equal(JsonValueKind.Null, problem.GetProperty("field").ValueKind);
        Assert.Equal(0, problem.GetProperty("row").GetInt32());
        Assert.True(problem.GetProperty("holdsBatch").GetBoolean());
        Assert.Equal("held", JsonDocument.Parse(reports.Json).RootElement.GetProperty("summary").GetProperty("decision").GetString());
    }

    [Fact]
    public async Task JsonReport_ThousandsOfProblems_StreamedAndStillOneValidDocument()
    {
        var rows = Enumerable.Range(1, 2_000).Select(i => SampleRows.Enrollment($"S01-{i:D4}").With(("sex", "x"), ("ecog", "9"))).ToArray();

        var reports = await RenderedReports.RenderCsvAsync(BatchText.Csv(rows));

        Assert.Equal(4_000, JsonDocument.Parse(reports.Json).RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task CsvReport_MixedBatch_HeaderAndOneParsableRowPerProblem()
    {
        var reports = await RenderedReports.RenderCsvAsync(MixedBatch);

        Assert.StartsWith("row,field,code,severity,study_id,message\n", reports.Csv.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var parsed = await ReaderRun.CsvAsync(reports.Csv);
        Assert.All(parsed.Records, r => Assert.Empty(r.Defects));
        Assert.Equal(["3", "sex", "invalid_code", "error", "S01-0002"], parsed.Values(0).Take(5));
        Assert.Equal(reports.Run.Problems[0].Message, parsed.Values(0)[5]);
        Assert.Equal(["4", "saves_grade", "missing_recommended", "warning", "S01-0001"], parsed.Values(1).Take(5));
    }

    [Fact]
    public async Task CsvReport_CellStartingWithFormulaCharacter_Neutralised()
    {
        // A header cell is echoed as the field of an unknown_column problem; a spreadsheet
        // must never evaluate it.
        var row = SampleRows.Withdrawal();
        var csv = string.Join(',', row.Cells.Select(c => c.Key)) + ",=HYPERLINK(\"x\")\n" + string.Join(',', row.Cells.Select(c => c.Value)) + ",\n";

        var reports = await RenderedReports.RenderCsvAsync(csv);
        var parsed = await ReaderRun.CsvAsync(reports.Csv);

        Assert.Equal("'=HYPERLINK(\"x\")", parsed.Values(0)[1]);
    }

    [Fact]
    public async Task TextReport_MixedBatch_ProblemLinesAndSummary()
    {
        var reports = await RenderedReports.RenderCsvAsync(MixedBatch);
        var lines = reports.Text.ReplaceLineEndings("\n").Split('\n');

        Assert.Equal("Validation report for batch-001.csv (site S01, data dictionary 1.0.0)", lines[0]);
        Assert.StartsWith("ERROR   row 3 [sex] (S01-0002): Sex must be one of:", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("<invalid_code>", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("WARNING row 4 [saves_grade] (S01-0001): ", lines[2], StringComparison.Ordinal);
        Assert.Contains("Summary: 3 records read, 2 accepted (1 enrollment, 1 followup), 1 rejected.", lines);
        Assert.Contains("Problems: 1 errors in 1 records, 1 warnings in 1 records.", lines);
        Assert.Contains(lines, l => l.StartsWith("Decision: partially_accepted. ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Checks against records already in the registry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TextReport_CleanBatch_NoProblemsFound()
    {
        var reports = await RenderedReports.RenderCsvAsync(BatchText.Csv(SampleRows.Enrollment()));

        Assert.Contains("No problems found.", reports.Text, StringComparison.Ordinal);
        Assert.Contains("Decision: accepted. Every record is valid and will be stored.", reports.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextReport_FileProblem_SaysFileAndExplainsHold()
    {
        var reports = await RenderedReports.RenderCsvAsync("record_type,study_id\n");

        Assert.Contains("ERROR   file: ", reports.Text, StringComparison.Ordinal);
        Assert.Contains("Decision: held. Nothing will be stored: the file itself has problems", reports.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextReport_HeldByPolicy_ExplainsPolicy()
    {
        var context = ValidationRun.Context(c => c with { RowPolicy = InvalidRowPolicy.HoldWholeBatch, KnownPatients = KnownPatientSnapshot.Empty });

        var reports = await RenderedReports.RenderCsvAsync(MixedBatch, context);

        Assert.Contains("(hold-whole-batch policy)", reports.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Checks against records already in the registry", reports.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonReport_JsonLinesBatch_FormatIsJsonl()
    {
        var reports = await RenderedReports.RenderAsync(Encoding.UTF8.GetBytes("{}\n"), BatchFormat.JsonLines);

        Assert.Equal("jsonl", JsonDocument.Parse(reports.Json).RootElement.GetProperty("batch").GetProperty("format").GetString());
    }

    [Fact]
    public async Task CollectingReportSink_BeyondCapacity_CountsDropped()
    {
        var sink = new CollectingReportSink(capacity: 2);
        for (var i = 1; i <= 5; i++)
        {
            await sink.AddAsync(ValidationProblem.Error(i, null, ProblemCodes.InvalidType, "m"));
        }

        Assert.Equal((2, 3), (sink.Problems.Count, sink.Dropped));
    }
}
