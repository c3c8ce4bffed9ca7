using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;
using static SpineMetsRegistry.Domain.Validation.Severity;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>Rules over several fields of one row: the dictionary's rules and the row's own consistency.</summary>
public sealed class RecordRuleTests
{
    [Fact]
    public async Task Validate_EnrollmentWithoutEcogOrKps_RuleViolatedError()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().Without("ecog"));

        Assert.Equal([(2, "ecog", ProblemCodes.RuleViolated, Error)], run.Found);
        Assert.Empty(run.Accepted);
    }

    [Theory]
    [InlineData("1", "")]
    [InlineData("", "70")]
    [InlineData("1", "70")]
    public async Task Validate_EnrollmentWithEcogAndOrKps_Accepted(string ecog, string kps)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With(("ecog", ecog), ("kps", kps)));

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Validate_FollowUpWithoutEcogOrKps_NoProblem()
    {
        Assert.Empty((await ValidationRun.CsvAsync(SampleRows.FollowUp())).Problems);
    }

    [Fact]
    public async Task Validate_PartialEq5d_PartialInstrumentWarningNamingFirstMissingItem()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.FollowUp().WithEq5d().Without("eq5d_ua", "eq5d_ad"));

        Assert.Equal([(2, "eq5d_ua", ProblemCodes.PartialInstrument, Warning)], run.Found);
        Assert.Single(run.Accepted);
    }

    [Fact]
    public async Task Validate_PartialSins_PartialInstrumentWarningAndNoMissingRecommended()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().Without("sins_alignment", "sins_collapse", "sins_posterolateral"));

        Assert.Equal([(2, "sins_alignment", ProblemCodes.PartialInstrument, Warning)], run.Found);
        Assert.Single(run.Accepted);
    }

    [Theory]
    [InlineData("3L", "3", null)]
    [InlineData("3L", "4", ProblemCodes.OutOfRange)]
    [InlineData("3l", "5", ProblemCodes.OutOfRange)]
    [InlineData("5L", "4", null)]
    [InlineData("5L", "5", null)]
    [InlineData("5L", "6", ProblemCodes.OutOfRange)]
    public async Task Validate_Eq5dLevelAgainstVersion_ThreeLevelsFor3LFiveFor5L(string version, string level, string? code)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().WithEq5d(version).With("eq5d_pd", level));

        Assert.Equal(code is null ? [] : [(2, "eq5d_pd", code, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_Eq5d3LLevelTooHigh_MessageNamesVersionCap()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().WithEq5d("3L").With("eq5d_mo", "4"));

        Assert.Contains("between 1 and 3", run.Single().Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Row, (string Field, string Code, Severity Severity)[]> RowConsistency => new()
    {
        { "index level among lesion levels", SampleRows.Enrollment().With(("index_level", "T8"), ("lesion_levels", "T7;T8;T9")), [] },
        { "index level not among lesion levels", SampleRows.Enrollment().With(("index_level", "L1"), ("lesion_levels", "T7;T8")), [("lesion_levels", ProblemCodes.ConflictingValues, Error)] },
        { "lesion levels absent", SampleRows.Enrollment().Without("lesion_levels"), [] },
        { "SAVES IV while alive", SampleRows.FollowUp().With("saves_grade", "IV"), [("saves_grade", ProblemCodes.ConflictingValues, Error)] },
        { "SAVES IV while deceased", SampleRows.FollowUp().With(("saves_grade", "IV"), ("vital_status", "deceased"), ("death_date", "2026-02-20")).Without("nrs_pain"), [] },
        { "death after the visit reporting it", SampleRows.FollowUp().With(("vital_status", "deceased"), ("death_date", "2026-02-22")).Without("nrs_pain"), [("death_date", ProblemCodes.ConflictingValues, Error)] },
        { "death on the visit day", SampleRows.FollowUp().With(("vital_status", "deceased"), ("death_date", "2026-02-21")).Without("nrs_pain"), [] },
        { "death day after visit day", SampleRows.FollowUp().Without("visit_date", "nrs_pain").With(("visit_day", "40"), ("vital_status", "deceased"), ("death_day", "41")), [("death_day", ProblemCodes.ConflictingValues, Error)] },
        { "deceased with patient-reported outcomes", SampleRows.FollowUp().With(("vital_status", "deceased"), ("death_date", "2026-02-20")), [("vital_status", ProblemCodes.ConflictingValues, Warning)] },
    };

    [Theory]
    [MemberData(nameof(RowConsistency))]
    public async Task Validate_RowConsistency_ExpectedProblems(string scenario, Row row, (string Field, string Code, Severity Severity)[] expected)
    {
        var run = await ValidationRun.CsvAsync(row);

        Assert.True(
            expected.OrderBy(e => e.Field).SequenceEqual(run.Problems.Select(p => (p.Field!, p.Code, p.Severity)).OrderBy(e => e.Item1)),
            scenario + ": " + run.Describe());
    }

    [Theory]
    [InlineData("S01-0001", null)]
    [InlineData("S01-9999", null)]
    [InlineData("S02-0001", ProblemCodes.StudyIdPattern)]
    [InlineData("s01-0001", ProblemCodes.StudyIdPattern)]
    [InlineData("S01-001", ProblemCodes.StudyIdPattern)]
    [InlineData("S01-0001 extra", ProblemCodes.StudyIdPattern)]
    public async Task Validate_StudyIdAgainstSitePattern_MatchOrStudyIdPattern(string studyId, string? code)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Withdrawal(studyId));

        Assert.Equal(code is null ? [] : [(2, "study_id", code, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_StudyIdShapedLikeHospitalNumber_PatternErrorAndIdentifierFinding()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Withdrawal("1234567"));

        Assert.Equal([(2, "study_id", "deid.study_id.medical_record_number", Error), (2, "study_id", ProblemCodes.StudyIdPattern, Error)], run.Found);
        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_NoSitePatternConfigured_AnyStudyIdAccepted()
    {
        var run = await ValidationRun.CsvAsync(BatchText.Csv(SampleRows.Withdrawal("HOSP-77")), ValidationRun.Context(c => c with { StudyIdPattern = null }));

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Validate_StudyIdOfProblemRow_AttachedOnlyWhenItMatchesThePattern()
    {
        var run = await ValidationRun.CsvAsync(
            SampleRows.Enrollment("S01-0001").With("sex", "x"),
            SampleRows.Enrollment("BAD-0002").With("sex", "x"));

        Assert.Equal(["S01-0001", null, null], run.Problems.Select(p => p.StudyId));
    }

    [Theory]
    [InlineData("enrollment", "index_date")]
    [InlineData("followup", "visit_date")]
    [InlineData("withdrawal", "withdrawal_date")]
    public async Task Validate_DateAfterReceivedDay_DateInFuture(string recordType, string field)
    {
        var row = recordType switch
        {
            "enrollment" => SampleRows.Enrollment(),
            "followup" => SampleRows.FollowUp(),
            _ => SampleRows.Withdrawal(),
        };

        var onTheDay = await ValidationRun.CsvAsync(row.With(field, "2026-06-01"));
        var dayAfter = await ValidationRun.CsvAsync(row.With(field, "2026-06-02"));

        Assert.DoesNotContain(onTheDay.Problems, p => p.Code == ProblemCodes.DateInFuture);
        Assert.Equal([(2, field, ProblemCodes.DateInFuture, Error)], dayAfter.Found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("baseline")]
    [InlineData("Follow-up")]
    [InlineData("enrolment")]
    public async Task Validate_RecordTypeMissingOrUnknown_InvalidRecordTypeOnly(string recordType)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With(("record_type", recordType), ("sex", "not checked")));

        Assert.Equal([(2, "record_type", ProblemCodes.InvalidRecordType, Error)], run.Found);
    }

    [Theory]
    [InlineData("ENROLLMENT")]
    [InlineData(" Enrollment ")]
    public async Task Validate_RecordTypeInAnyCase_Accepted(string recordType)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With("record_type", recordType));

        Assert.Empty(run.Problems);
        Assert.Equal(RecordKind.Enrollment, Assert.Single(run.Accepted).Kind);
    }

    [Fact]
    public async Task ReadAcceptedAsync_LenientCells_StoredInCanonicalForm()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With(
            ("sex", "FEMALE"), ("index_level", "t8"), ("lesion_levels", " t8;T7 ;t8"), ("bilsky_grade", "1B"),
            ("age_at_index", "64.0"), ("spinal_mets_count", "+2"), ("albumin_g_l", "35.50"), ("study_id", " S01-0001 ")));

        var record = Assert.Single(run.Accepted);
        Assert.Equal("female", record.GetString("sex"));
        Assert.Equal("T8", record.GetString("index_level"));
        Assert.Equal(["T8", "T7"], record.GetCodes("lesion_levels"));
        Assert.Equal("1b", record.GetString("bilsky_grade"));
        Assert.Equal(new AgeAtIndex(64, false), record.GetAge("age_at_index"));
        Assert.Equal(2, record.GetInteger("spinal_mets_count"));
        Assert.Equal(35.5m, record.GetDecimal("albumin_g_l"));
        Assert.Equal("S01-0001", record.StudyId);
        Assert.Equal(new DateOnly(2026, 1, 10), record.GetDate("index_date"));
    }

    [Fact]
    public async Task ReadAcceptedAsync_TopCodedAge_StoredAsNinetyPlus()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With("age_at_index", "90+"));

        Assert.Equal("90+", Assert.Single(run.Accepted).GetCanonical("age_at_index"));
    }
}
