using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Batches.Redcap;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Batches.Redcap;

/// <summary>
/// REDCap records exports of a project built from the registry's own dictionary export,
/// validated as a site uploads them (a .csv file, format detected from the header): each
/// accepted or rejected exactly as intended.
/// </summary>
public sealed class RedcapExportValidationTests
{
    private static readonly RedcapProject Longitudinal = new();

    private static RedcapRow Baseline(string studyId = "S01-0001") => new("baseline_arm_1", SampleRows.Enrollment(studyId));

    private static RedcapRow Week(int week, string studyId = "S01-0001", string visitDate = "2026-02-21") =>
        new($"week_{week}_arm_1", SampleRows.FollowUp(studyId, timePoint: string.Empty, visitDate: visitDate));

    private static Task<ValidationRun> ValidateAsync(string export, BatchFormat format = BatchFormat.Csv, RedcapSettings? settings = null) =>
        ValidationRun.RunAsync(Encoding.UTF8.GetBytes(export), format, ValidationRun.Context(c => settings is null ? c : c with { Redcap = settings }));

    private static string Canonical(RegistryRecord record) =>
        $"{record.Kind}|{record.StudyId}|{record.Row}|" + string.Join('|', record.Values.Select(v => v.Key + "=" + FieldValues.ToCanonical(v.Value)).Order(StringComparer.Ordinal));

    /// <summary>Sets one cell of a raw export (raw values hold no commas or quotes).</summary>
    private static string WithCell(string export, int row, string column, string value)
    {
        var lines = export.Split('\n');
        var index = Array.IndexOf(lines[0].Split(','), column);
        var cells = lines[row].Split(',');
        cells[index] = value;
        lines[row] = string.Join(',', cells);
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Validate_LongitudinalRawExport_AcceptedWithRecordTypesAndTimePointsFromEvents()
    {
        var export = Longitudinal.RawExport(
            Baseline("S01-0001"), Week(6, "S01-0001"), Week(12, "S01-0001", "2026-04-04"),
            Baseline("S01-0002"), Week(6, "S01-0002"));

        var run = await ValidateAsync(export);

        Assert.Empty(run.Problems);
        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
        Assert.Equal(2, run.Summary.AcceptedByRecordType["enrollment"]);
        Assert.Equal(3, run.Summary.AcceptedByRecordType["followup"]);
        Assert.Equal(["6w", "12w", "6w"], run.Accepted.Where(r => r.Kind == RecordKind.FollowUp).Select(r => r.GetString("time_point")));
    }

    [Fact]
    public async Task Validate_LongitudinalRawExport_StoresTheSameRecordsAsTheRegistryCsv()
    {
        var redcap = await ValidateAsync(Longitudinal.RawExport(Baseline(), Week(6)));
        var registry = await ValidationRun.CsvAsync(SampleRows.Enrollment(), SampleRows.FollowUp());

        Assert.Equal(registry.Accepted.Select(Canonical), redcap.Accepted.Select(Canonical));
    }

    [Fact]
    public async Task Validate_CheckboxColumns_FoldIntoTheCodeList()
    {
        var run = await ValidateAsync(Longitudinal.RawExport(new RedcapRow("baseline_arm_1", SampleRows.Enrollment().With("lesion_levels", "T7;T8;T9"))));

        Assert.Empty(run.Problems);
        Assert.Contains("lesion_levels___t12", Longitudinal.RawHeader);
        Assert.Equal(["T7", "T8", "T9"], run.Accepted.Single().GetCodes("lesion_levels"));
    }

    [Fact]
    public async Task Validate_CheckboxValueOtherThanZeroOrOne_RejectsTheRowNamingTheColumn()
    {
        var export = WithCell(Longitudinal.RawExport(Baseline()), 1, "lesion_levels___t8", "2");

        var run = await ValidateAsync(export);

        var problem = Assert.Single(run.Errors);
        Assert.Equal((ProblemCodes.InvalidCode, "lesion_levels___t8", 2), (problem.Code, problem.Field, problem.Row));
        Assert.Equal(BatchDecision.Rejected, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_ClassicRawExport_RowsAreEnrollments()
    {
        var classic = new RedcapProject(longitudinal: false);

        var run = await ValidateAsync(classic.RawExport(Baseline("S01-0001"), Baseline("S01-0002")));

        Assert.Empty(run.Problems);
        Assert.Equal(2, run.Summary.AcceptedByRecordType["enrollment"]);
    }

    [Fact]
    public async Task Validate_ClassicRawExportWithFollowUpData_RejectsTheFollowUpFieldsAsNotApplicable()
    {
        var classic = new RedcapProject(longitudinal: false);
        var row = new RedcapRow(string.Empty, SampleRows.Enrollment().With("vital_status", "alive"));

        var run = await ValidateAsync(classic.RawExport(row));

        Assert.Equal([ProblemCodes.NotApplicable], run.ErrorCodes);
    }

    [Fact]
    public async Task Validate_RepeatingInstrumentRow_RejectedWithItsOwnCodeAndTheOtherRowsStored()
    {
        var project = new RedcapProject(repeating: true);
        var repeated = new RedcapRow("week_6_arm_1", SampleRows.FollowUp(timePoint: string.Empty).Without("nrs_pain"), "follow_up", 2);

        var run = await ValidateAsync(project.RawExport(Baseline(), Week(6), repeated));

        var problem = Assert.Single(run.Errors);
        Assert.Equal((ProblemCodes.RedcapRepeatingInstrument, 4, "redcap_repeat_instrument"), (problem.Code, problem.Row, problem.Field));
        Assert.Contains("follow_up", problem.Message, StringComparison.Ordinal);
        Assert.Equal(BatchDecision.PartiallyAccepted, run.Summary.Decision);
        Assert.Equal(2, run.Summary.Accepted);
    }

    [Fact]
    public async Task Validate_RepeatingEventInstance_IsAnOrdinaryRow()
    {
        var project = new RedcapProject(repeating: true);
        var unscheduled = new RedcapRow("unscheduled_arm_1", SampleRows.FollowUp(timePoint: string.Empty, visitDate: "2026-03-01"), RepeatInstance: 1);

        var run = await ValidateAsync(project.RawExport(Baseline(), unscheduled));

        Assert.Empty(run.Problems);
        Assert.Equal("unscheduled", run.Accepted[1].GetString("time_point"));
    }

    [Fact]
    public async Task Validate_AccessGroupColumn_Ignored()
    {
        var project = new RedcapProject(accessGroups: true);

        var run = await ValidateAsync(project.RawExport(Baseline() with { AccessGroup = "site_s01" }));

        Assert.Empty(run.Problems);
        Assert.Contains("redcap_data_access_group", project.RawHeader);
    }

    [Fact]
    public async Task Validate_LabelsExport_OneSpecificErrorAndNothingRead()
    {
        var run = await ValidateAsync(Longitudinal.LabelsExport(Baseline(), Week(6)));

        var problem = Assert.Single(run.Problems);
        Assert.Equal(ProblemCodes.RedcapLabelsExport, problem.Code);
        Assert.Contains("raw data", problem.Message, StringComparison.Ordinal);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
        Assert.Equal(0, run.Summary.Records);
    }

    [Fact]
    public async Task Validate_LabelsExportWithAnIdentifier_StillQuarantined()
    {
        var row = new RedcapRow("week_6_arm_1", SampleRows.FollowUp(timePoint: string.Empty).With("complication_text", "call back on j.jansen@example.org"));

        var run = await ValidateAsync(Longitudinal.LabelsExport(Baseline(), row));

        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
        Assert.Contains(run.Problems, p => p.Code == ProblemCodes.RedcapLabelsExport);
        Assert.Contains(run.Problems, p => p.IsIdentifier && p.Row == 3);
        Assert.All(run.Problems, p => Assert.DoesNotContain("jansen@example.org", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_RawHeadersWithLabelValues_OneSpecificError()
    {
        var run = await ValidateAsync(Longitudinal.LabelValuesExport(Baseline(), Week(6)));

        Assert.Equal([ProblemCodes.RedcapLabelsExport], run.Problems.Select(p => p.Code));
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_UnmappedEvent_RejectsTheRowNamingRowAndEventButNotTheStudyId()
    {
        var export = Longitudinal.RawExport(Baseline(), Week(6) with { Event = "week_8_arm_1" });

        var run = await ValidateAsync(export);

        var problem = Assert.Single(run.Errors);
        Assert.Equal((ProblemCodes.RedcapUnmappedEvent, 3, "redcap_event_name"), (problem.Code, problem.Row, problem.Field));
        Assert.Contains("week_8_arm_1", problem.Message, StringComparison.Ordinal);
        Assert.Contains("settings.redcap.events", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.StudyId);
        Assert.DoesNotContain("S01-0001", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_EventMappedInSettings_Accepted()
    {
        var settings = new RedcapSettings();
        settings.Events.Add(RedcapEventMapping.Of("week_8_arm_1", "followup", "6w"));

        var run = await ValidateAsync(Longitudinal.RawExport(Baseline(), Week(6) with { Event = "week_8_arm_1" }), settings: settings);

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Validate_EventNameThatIsNotAUniqueName_NotEchoed()
    {
        var export = Longitudinal.RawExport(Baseline(), Week(6) with { Event = "John Smith 12345678" });

        var run = await ValidateAsync(export);

        Assert.Contains(run.Problems, p => p.Code == ProblemCodes.RedcapUnmappedEvent);
        Assert.All(run.Problems, p => Assert.DoesNotContain("Smith", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_TimePointContradictingTheEvent_RejectsTheRow()
    {
        var row = new RedcapRow("week_12_arm_1", SampleRows.FollowUp(timePoint: "6w"));

        var run = await ValidateAsync(Longitudinal.RawExport(Baseline(), row));

        var problem = Assert.Single(run.Errors);
        Assert.Equal((ProblemCodes.ConflictingValues, "time_point", 3), (problem.Code, problem.Field, problem.Row));
    }

    [Fact]
    public async Task Validate_ProjectWithoutTimePointField_TimePointsComeFromEvents()
    {
        var export = WithoutColumn(Longitudinal.RawExport(Baseline(), Week(6), Week(26, visitDate: "2026-05-20")), "time_point");

        var run = await ValidateAsync(export, settings: null);

        Assert.DoesNotContain("time_point", export.Split('\n')[0].Split(','));
        Assert.Empty(run.Errors);
        Assert.Equal(["6w", "26w"], run.Accepted.Skip(1).Select(r => r.TimePoint));
    }

    private static string WithoutColumn(string export, string column)
    {
        var lines = export.Split('\n');
        var index = Array.IndexOf(lines[0].Split(','), column);
        return string.Join('\n', lines.Select(line => line.Length == 0 ? line : string.Join(',', line.Split(',').Where((_, i) => i != index))));
    }

    [Fact]
    public async Task Validate_TimePointAgreeingWithTheEvent_Accepted()
    {
        var row = new RedcapRow("week_12_arm_1", SampleRows.FollowUp(timePoint: "12W", visitDate: "2026-04-04"));

        var run = await ValidateAsync(Longitudinal.RawExport(Baseline(), row));

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Validate_WithdrawalEvent_IsAWithdrawal()
    {
        var run = await ValidateAsync(Longitudinal.RawExport(new RedcapRow("withdrawal_arm_1", SampleRows.Withdrawal("S01-0007"))));

        Assert.Empty(run.Problems);
        Assert.Equal(RecordKind.Withdrawal, run.Accepted.Single().Kind);
    }

    [Theory]
    [InlineData("tumour_grade")]
    [InlineData("redcap_survey_identifier")]
    [InlineData("enrollment_timestamp")]
    [InlineData("lesion_levels___x9")]
    public async Task Validate_UnknownColumnInARedcapExport_StillHoldsTheBatch(string column)
    {
        var export = Longitudinal.RawExport(Baseline());
        var lines = export.Split('\n');
        var withColumn = $"{lines[0]},{column}\n{lines[1]},\n";

        var run = await ValidateAsync(withColumn);

        var problem = Assert.Single(run.Problems);
        Assert.Equal((ProblemCodes.UnknownColumn, column), (problem.Code, problem.Field));
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_RecordIdProjectWithSetting_Accepted()
    {
        var project = new RedcapProject(recordIdField: "record_id");

        var run = await ValidateAsync(project.RawExport(Baseline(), Week(6)), settings: new RedcapSettings { RecordIdField = "record_id" });

        Assert.Empty(run.Problems);
        Assert.Equal("S01-0001", run.Accepted[0].StudyId);
    }

    [Fact]
    public async Task Validate_RecordIdProjectWithoutSetting_HeldNamingTheSetting()
    {
        var project = new RedcapProject(recordIdField: "record_id");

        var run = await ValidateAsync(project.RawExport(Baseline()));

        var problem = Assert.Single(run.Problems);
        Assert.Equal(ProblemCodes.MissingColumn, problem.Code);
        Assert.Contains("settings.redcap.recordIdField", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_IdentifierInAFreeTextFieldOfAnExport_QuarantinesTheBatch()
    {
        var row = new RedcapRow("week_6_arm_1", SampleRows.FollowUp(timePoint: string.Empty).With("complication_text", "call back on j.jansen@example.org"));

        var run = await ValidateAsync(Longitudinal.RawExport(Baseline(), row));

        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
        Assert.All(run.Problems, p => Assert.DoesNotContain("jansen@example.org", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ForcedRedcapFormatOnAnExportWithoutSystemColumns_ReadAsAClassicProject()
    {
        // A REDCap report of the enrollment form only: no event, repeat or status columns to detect.
        var export = BatchText.Csv(SampleRows.Enrollment().Without("record_type", "lesion_levels"));

        var detected = await ValidateAsync(export);
        var forced = await ValidateAsync(export, BatchFormat.Redcap);

        Assert.Contains(ProblemCodes.MissingColumn, detected.Summary.ProblemsByCode.Keys);
        Assert.Empty(forced.Problems);
        Assert.Equal(1, forced.Summary.AcceptedByRecordType["enrollment"]);
    }

    [Fact]
    public async Task Validate_RecordTypeColumnInARedcapExport_HeldAsDuplicateOfTheEvent()
    {
        var row = SampleRows.Enrollment().Without("lesion_levels");
        var export = BatchText.Csv(new Row(row.Cells.Where(c => c.Key == "study_id").Concat(row.Cells.Where(c => c.Key != "study_id"))));

        var run = await ValidateAsync(export, BatchFormat.Redcap);

        Assert.Contains(run.Problems, p => p.Code == ProblemCodes.DuplicateColumn && p.Field == "record_type");
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_RegistryCsvStartingWithStudyId_NotTakenForRedcap()
    {
        var row = SampleRows.Enrollment();
        var reordered = new Row(row.Cells.Where(c => c.Key == "study_id").Concat(row.Cells.Where(c => c.Key != "study_id")));

        var run = await ValidationRun.CsvAsync(reordered);

        Assert.Empty(run.Problems);
    }
}
