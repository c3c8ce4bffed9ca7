using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;
using static SpineMetsRegistry.Domain.Validation.Severity;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>Problems with the file or its header hold the whole batch, whatever the row policy.</summary>
public sealed class StructuralProblemTests
{
    private static string Header(Row row) => string.Join(',', row.Cells.Select(c => c.Key));

    private static string Values(Row row) => string.Join(',', row.Cells.Select(c => c.Value));

    [Fact]
    public async Task Validate_UnknownColumn_ReportedOnceOnHeaderAndBatchHeld()
    {
        var enrollment = SampleRows.Enrollment();
        var csv = $"{Header(enrollment)},tumour_grade\n{Values(enrollment)},G2\n{Values(enrollment.With("study_id", "S01-0002"))},G3\n";

        var run = await ValidationRun.CsvAsync(csv);

        var problem = run.Single();
        Assert.Equal((1, "tumour_grade", ProblemCodes.UnknownColumn, Error), (problem.Row, problem.Field, problem.Code, problem.Severity));
        Assert.True(problem.IsStructural);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
        Assert.True(run.Summary.HasStructuralProblems);
        Assert.Equal((2, 0, 2), (run.Summary.Records, run.Summary.Accepted, run.Summary.Rejected));
        Assert.Empty(run.Accepted);
    }

    [Fact]
    public async Task Validate_UnknownColumnAndBadRows_RowProblemsStillReportedInSamePass()
    {
        var enrollment = SampleRows.Enrollment();
        var csv = $"{Header(enrollment)},extra\n{Values(enrollment.With("sex", "x"))},\n";

        var run = await ValidationRun.CsvAsync(csv);

        Assert.Equal([ProblemCodes.UnknownColumn, ProblemCodes.InvalidCode], run.Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task Validate_HeaderInWrongCase_UnknownColumnAndMissingColumn()
    {
        // Field codes are case-sensitive: a renamed column is reported, never guessed.
        var csv = BatchText.Csv(SampleRows.Withdrawal()).Replace("study_id", "Study_ID", StringComparison.Ordinal);

        var run = await ValidationRun.CsvAsync(csv);

        Assert.Equal(
            [(1, "Study_ID", ProblemCodes.UnknownColumn, Error), (1, "study_id", ProblemCodes.MissingColumn, Error), (2, "study_id", ProblemCodes.MissingRequired, Error)],
            run.Found);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_DuplicateColumn_HeldNamingColumn()
    {
        var row = SampleRows.Withdrawal();
        var run = await ValidationRun.CsvAsync($"{Header(row)},study_id\n{Values(row)},S01-0001\n");

        Assert.Equal([(1, "study_id", ProblemCodes.DuplicateColumn, Error)], run.Found);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_EmptyHeaderCell_Held()
    {
        var row = SampleRows.Withdrawal();
        var run = await ValidationRun.CsvAsync($"{Header(row)},\n{Values(row)},\n");

        Assert.Equal([(1, null, ProblemCodes.EmptyColumnName, Error)], run.Found);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_NoRecordTypeColumn_MissingColumnAndEveryRowInvalidRecordType()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Withdrawal("S01-0001").Without("record_type"), SampleRows.Withdrawal("S01-0002").Without("record_type"));

        Assert.Equal(
            [(1, "record_type", ProblemCodes.MissingColumn, Error), (2, "record_type", ProblemCodes.InvalidRecordType, Error), (3, "record_type", ProblemCodes.InvalidRecordType, Error)],
            run.Found);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_NoStudyIdColumn_MissingColumnAndEveryRowMissingStudyId()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Withdrawal().Without("study_id"));

        Assert.Equal([(1, "study_id", ProblemCodes.MissingColumn, Error), (2, "study_id", ProblemCodes.MissingRequired, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_HeaderWiderThanLimit_TooManyColumnsHeld()
    {
        var context = ValidationRun.Context(c => c with { ReaderLimits = new BatchReaderLimits(4_000, 256 * 1024, 3) });

        var run = await ValidationRun.CsvAsync(BatchText.Csv(SampleRows.Withdrawal()), context);

        Assert.Equal([(1, null, ProblemCodes.TooManyColumns, Error)], run.Found);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Theory]
    [InlineData("record_type,study_id\n")]
    [InlineData("record_type,study_id\n\n\n")]
    [InlineData("record_type,study_id\n,\n")]
    public async Task Validate_HeaderWithoutRecords_NoRecordsHeld(string csv)
    {
        var run = await ValidationRun.CsvAsync(csv);

        Assert.Equal([(0, null, ProblemCodes.NoRecords, Error)], run.Found);
        Assert.Equal((0, BatchDecision.Held), (run.Summary.Records, run.Summary.Decision));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n \n\t\n")]
    public async Task Validate_NothingButWhitespace_EmptyFileHeld(string csv)
    {
        var run = await ValidationRun.CsvAsync(csv);

        Assert.Equal([(0, null, ProblemCodes.EmptyFile, Error)], run.Found);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_BlankRowsBetweenRecords_OneWarningPerRunRowsSkipped()
    {
        var csv = BatchText.Csv(SampleRows.Enrollment(), SampleRows.Enrollment("S01-0002"), SampleRows.Enrollment("S01-0003"));
        var lines = csv.Split('\n');
        csv = string.Join('\n', lines[0], lines[1], "", "", lines[2], "", lines[3], "", "", "");

        var run = await ValidationRun.CsvAsync(csv);

        Assert.Equal([(3, null, ProblemCodes.BlankRow, Warning), (6, null, ProblemCodes.BlankRow, Warning), (8, null, ProblemCodes.BlankRow, Warning)], run.Found);
        Assert.Equal("2 blank rows between records were skipped.", run.Problems[0].Message);
        Assert.Equal("A blank row between records was skipped.", run.Problems[1].Message);
        Assert.Equal("2 blank rows at the end of the file were skipped.", run.Problems[2].Message);
        Assert.Equal((3, 3, BatchDecision.Accepted), (run.Summary.Records, run.Summary.Accepted, run.Summary.Decision));
        Assert.Equal([2, 5, 7], run.Accepted.Select(r => r.Row));
    }

    [Fact]
    public async Task Validate_BlankRowWarning_NotCountedAsRecordWithWarnings()
    {
        var csv = BatchText.Csv(SampleRows.Enrollment(), SampleRows.Enrollment("S01-0002"));
        var lines = csv.Split('\n');

        var run = await ValidationRun.CsvAsync(string.Join('\n', lines[0], lines[1], "", lines[2]));

        Assert.Equal(1, run.Summary.Warnings);
        Assert.Equal(0, run.Summary.RecordsWithWarnings);
    }

    [Fact]
    public async Task Validate_TrailingBlankLines_OneWarningLikeBlankLinesBetweenRecords()
    {
        var run = await ValidationRun.CsvAsync(BatchText.Csv(SampleRows.Enrollment()) + "\n\r\n\n,,,\n   \n");

        Assert.Equal([(3, null, ProblemCodes.BlankRow, Warning)], run.Found);
        Assert.Equal("5 blank rows at the end of the file were skipped.", run.Problems[0].Message);
        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
    }
}
