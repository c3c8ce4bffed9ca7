using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;

namespace SpineMetsRegistry.Domain.Tests.Validation.Reports;

/// <summary>
/// Reports never echo a cell value: a distinctive token is planted in every kind of bad
/// cell and must appear nowhere in any rendering (JSON, CSV, text) or problem message.
/// </summary>
public sealed class NoValueEchoTests
{
    private const string Token = "ZZTOKEN123";

    public static TheoryData<string> BadCells => new()
    {
        "integer", "decimal", "date", "code", "level list", "yes/no", "age", "too long text", "study id", "record type",
        "not applicable", "forbidden", "ragged row", "stray quote", "text after quote", "unterminated quote", "field too long",
        "invalid utf-8", "duplicate column value", "duplicate study id without pattern",
    };

    private static readonly Row Enrollment = SampleRows.Enrollment();
    private static readonly Row FollowUp = SampleRows.FollowUp();

    private static (string Csv, bool WithPattern) Batch(string kind)
    {
        var header = string.Join(',', FollowUp.Cells.Select(c => c.Key)) + ",complication_text";
        var good = string.Join(',', FollowUp.Cells.Select(c => c.Value));
        return kind switch
        {
            "integer" => (BatchText.Csv(Enrollment.With("spinal_mets_count", Token)), true),
            "decimal" => (BatchText.Csv(Enrollment.With("albumin_g_l", Token)), true),
            "date" => (BatchText.Csv(Enrollment.With("index_date", Token)), true),
            "code" => (BatchText.Csv(Enrollment.With("sex", Token)), true),
            "level list" => (BatchText.Csv(Enrollment.With("lesion_levels", "T8;" + Token)), true),
            "yes/no" => (BatchText.Csv(FollowUp.With("reoperation", Token)), true),
            "age" => (BatchText.Csv(Enrollment.With("age_at_index", Token)), true),
            "too long text" => (BatchText.Csv(Enrollment.With(("surgery_type", "other"), ("surgery_other_text", Token + new string('x', 200)))), true),
            "study id" => (BatchText.Csv(Enrollment.With("study_id", Token)), true),
            "record type" => (BatchText.Csv(Enrollment.With("record_type", Token)), true),
            "not applicable" => (BatchText.Csv(Enrollment.With("time_point", Token)), true),
            "forbidden" => (BatchText.Csv(Enrollment.With("primary_other_text", Token)), true),
            "ragged row" => ($"{header}\n{good},x,{Token}\n", true),
            "stray quote" => ($"{header}\n{good},{Token}\"x\n", true),
            "text after quote" => ($"{header}\n{good},\"{Token}\"x\n", true),
            "unterminated quote" => ($"{header}\n{good},\"{Token}\n", true),
            "field too long" => ($"{header}\n{good},{Token}{new string('x', 4_000)}\n", true),
            "invalid utf-8" => ($"{header}\n{good},{Token}\u00e9\n", true),
            "duplicate column value" => ($"{header},study_id\n{good},,{Token}\n", true),
            _ => (BatchText.Csv(SampleRows.Withdrawal(Token), SampleRows.Withdrawal(Token)), false),
        };
    }

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task Reports_BadCsvCell_NeverContainTheValue(string kind)
    {
        var (csv, withPattern) = Batch(kind);
        var bytes = kind == "invalid utf-8" ? Encoding.Latin1.GetBytes(csv) : Encoding.UTF8.GetBytes(csv);
        var context = ValidationRun.Context(c => withPattern ? c : c with { StudyIdPattern = null });

        var reports = await RenderedReports.RenderAsync(bytes, BatchFormat.Csv, context);

        Assert.NotEmpty(reports.Run.Errors);
        AssertNoToken(reports);
    }

    [Theory]
    [InlineData("{\"record_type\":\"followup\",\"study_id\":ZZTOKEN123}")]
    [InlineData("{\"record_type\":\"followup\",\"study_id\":\"S01-0001\"} ZZTOKEN123")]
    [InlineData("\"ZZTOKEN123\"")]
    [InlineData("[\"ZZTOKEN123\"]")]
    [InlineData("{\"record_type\":\"followup\",\"study_id\":\"S01-0001\",\"nrs_pain\":{\"v\":\"ZZTOKEN123\"}}")]
    [InlineData("{\"record_type\":\"followup\",\"study_id\":\"S01-0001\",\"nrs_pain\":\"ZZTOKEN123\",\"nrs_pain\":\"ZZTOKEN123\"}")]
    [InlineData("{\"record_type\":\"followup\",\"study_id\":\"ZZTOKEN123\",\"time_point\":\"ZZTOKEN123\",\"visit_date\":\"ZZTOKEN123\"}")]
    [InlineData("// ZZTOKEN123")]
    public async Task Reports_BadJsonLine_NeverContainTheValue(string line)
    {
        var reports = await RenderedReports.RenderAsync(Encoding.UTF8.GetBytes(line + "\n"), BatchFormat.JsonLines);

        Assert.NotEmpty(reports.Run.Errors);
        AssertNoToken(reports);
    }

    [Fact]
    public async Task Reports_StudyIdMatchingSitePattern_IsShownBecauseItIsPseudonymous()
    {
        // The control for the tests above: a well-formed study ID is meant to appear.
        var reports = await RenderedReports.RenderCsvAsync(BatchText.Csv(SampleRows.Enrollment("S01-0042").With("sex", "x")));

        Assert.Contains("S01-0042", reports.Json, StringComparison.Ordinal);
        Assert.Contains("S01-0042", reports.Csv, StringComparison.Ordinal);
        Assert.Contains("S01-0042", reports.Text, StringComparison.Ordinal);
    }

    private static void AssertNoToken(RenderedReports reports)
    {
        Assert.All(reports.Run.Problems, p =>
        {
            Assert.DoesNotContain(Token, p.Message, StringComparison.Ordinal);
            Assert.NotEqual(Token, p.StudyId);
        });
        Assert.DoesNotContain(Token, reports.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, reports.Csv, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, reports.Text, StringComparison.Ordinal);
    }
}
