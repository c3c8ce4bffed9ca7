using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// The six questionable answers an independent run of hand-written files found (issue 16),
/// each with the decision taken (see the validation section of the README).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class QuestionableAnswerTests
{
    // Enrollment index date 2026-01-10; the sample 6-week visit is dated 2026-02-21 = day 42.
    [Theory]
    [InlineData("50", ProblemCodes.ConflictingValues)]
    [InlineData("42", null)]
    public async Task Validate_VisitDayAgainstVisitDate_ContradictionIsConflictingValues(string visitDay, string? expected)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment(), SampleRows.FollowUp().With("visit_day", visitDay));

        var problem = run.Errors.SingleOrDefault(p => p.Field == "visit_day");
        Assert.Equal(expected, problem?.Code);
        Assert.Equal(expected is null ? 2 : 1, run.Summary.Accepted);
    }

    [Theory]
    [InlineData("30", ProblemCodes.ConflictingValues)]
    [InlineData("35", null)]
    public async Task Validate_DeathDayAgainstDeathDate_ContradictionIsConflictingValues(string deathDay, string? expected)
    {
        // Death on 2026-02-14 = day 35 after the index treatment, reported at the 6-week visit.
        var deceased = SampleRows.FollowUp().With(("vital_status", "deceased"), ("death_date", "2026-02-14"), ("death_day", deathDay)).Without("nrs_pain");

        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment(), deceased);

        Assert.Equal(expected, run.Errors.SingleOrDefault(p => p.Field == "death_day")?.Code);
    }

    [Theory]
    [InlineData("89.5", false)]
    [InlineData("64.5", false)]
    [InlineData("90.5", true)]
    [InlineData("91", true)]
    public async Task Validate_NonIntegerAge_IsATypeErrorOfItsRowUnlessItsYearsExceed89(string age, bool quarantined)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With("age_at_index", age), SampleRows.Enrollment("S01-0002"));

        if (quarantined)
        {
            Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
            Assert.Contains(DeidentificationGate.AgeOver89Code, run.ErrorCodes);
        }
        else
        {
            Assert.Equal(BatchDecision.PartiallyAccepted, run.Summary.Decision);
            var error = Assert.Single(run.Errors);
            Assert.Equal((2, "age_at_index", ProblemCodes.InvalidType), (error.Row, error.Field, error.Code));
        }
    }

    [Theory]
    [InlineData("1900-01-01", "2000-01-01", ProblemCodes.ImplausibleDate)]
    [InlineData("1999-12-31", "2000-01-01", ProblemCodes.ImplausibleDate)]
    [InlineData("2000-01-01", "2000-01-01", null)]
    [InlineData("2014-06-01", "2015-01-01", ProblemCodes.ImplausibleDate)]
    [InlineData("2015-01-01", "2015-01-01", null)]
    public async Task Validate_IndexDateBeforeEarliestPlausibleDate_IsImplausibleDate(string indexDate, string earliest, string? expected)
    {
        var context = ValidationRun.Context(c => c with { EarliestPlausibleDate = DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture) });

        var run = await ValidationRun.CsvAsync(BatchText.Csv(SampleRows.Enrollment().With("index_date", indexDate)), context);

        var problem = run.Errors.SingleOrDefault(p => p.Field == "index_date");
        Assert.Equal(expected, problem?.Code);
        if (problem is not null)
        {
            Assert.DoesNotContain(indexDate, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Context_Default_EarliestPlausibleDateIs2000()
    {
        Assert.Equal(new DateOnly(2000, 1, 1), ValidationRun.Context().EarliestPlausibleDate);
        Assert.Equal(new DateOnly(2000, 1, 1), new SpineMetsRegistry.Domain.Configuration.RegistrySettings().EarliestPlausibleDate);
    }

    [Fact]
    public async Task Validate_SecondByteOrderMark_IsReportedAsByteOrderMarkOnTheKnownColumn()
    {
        var csv = BatchText.Csv(SampleRows.Enrollment());
        byte[] content = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)];

        var run = await ValidationRun.RunAsync(content, BatchFormat.Csv);

        var bom = Assert.Single(run.Problems, p => p.Code == ProblemCodes.ByteOrderMark);
        Assert.Equal("record_type", bom.Field);
        Assert.DoesNotContain(run.Problems, p => p.Code == ProblemCodes.UnknownColumn);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_OneByteOrderMark_IsAccepted()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(BatchText.Csv(SampleRows.Enrollment()))];

        var run = await ValidationRun.RunAsync(content, BatchFormat.Csv);

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Render_HeldBatch_SummarySaysValidRecordsAreHeldNotRejected()
    {
        var csv = BatchText.Csv(
            SampleRows.Enrollment().With("tumour_grade_local", "x"),
            SampleRows.Enrollment("S01-0002").With("age_at_index", "abc"));

        var reports = await RenderedReports.RenderCsvAsync(csv);

        Assert.Equal(BatchDecision.Held, reports.Run.Summary.Decision);
        Assert.Equal((2, 0, 2, 1, 1), (reports.Run.Summary.Records, reports.Run.Summary.Accepted, reports.Run.Summary.Rejected, reports.Run.Summary.RecordsWithErrors, reports.Run.Summary.HeldBack));
        Assert.Contains("0 accepted, 2 not stored (1 with errors, 1 valid but held with the batch).", reports.Text, StringComparison.Ordinal);
        Assert.Contains("\"heldBack\":1", reports.Json.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n   \n")]
    [InlineData("\n,,,,\n")]
    [InlineData("\n\t\n")]
    public async Task Validate_TrailingBlankLine_WarnsLikeABlankLineBetweenRecords(string trailing)
    {
        var csv = BatchText.Csv(SampleRows.Enrollment()).TrimEnd('\n') + trailing;

        var run = await ValidationRun.CsvAsync(csv);

        var warning = Assert.Single(run.Warnings);
        Assert.Equal((ProblemCodes.BlankRow, 3), (warning.Code, warning.Row));
        Assert.Contains("end of the file", warning.Message, StringComparison.Ordinal);
        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_TrailingBlankJsonLine_WarnsLikeABlankLineBetweenRecords()
    {
        var run = await ValidationRun.JsonLinesAsync(BatchText.JsonLines(SampleRows.Enrollment()) + "  \n");

        Assert.Equal(ProblemCodes.BlankRow, Assert.Single(run.Warnings).Code);
    }
}
