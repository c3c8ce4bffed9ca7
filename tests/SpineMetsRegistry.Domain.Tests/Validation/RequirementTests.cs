using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;
using static SpineMetsRegistry.Domain.Validation.Severity;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>Required, recommended, conditional and forbidden fields, each failing and passing.</summary>
public sealed class RequirementTests
{
    /// <summary>An enrollment treated without surgery, so no surgery field is required.</summary>
    private static Row RadiotherapyEnrollment() => SampleRows.Enrollment().With("index_treatment", "radiotherapy").Without("surgery_type");

    private static Row Base(string recordType) => recordType switch
    {
        "enrollment" => RadiotherapyEnrollment(),
        "followup" => SampleRows.FollowUp(),
        _ => SampleRows.Withdrawal(),
    };

    [Theory]
    [InlineData("enrollment", "study_id")]
    [InlineData("enrollment", "age_at_index")]
    [InlineData("enrollment", "sex")]
    [InlineData("enrollment", "index_date")]
    [InlineData("enrollment", "index_treatment")]
    [InlineData("enrollment", "primary_tumour")]
    [InlineData("enrollment", "index_level")]
    [InlineData("enrollment", "spinal_mets_count")]
    [InlineData("enrollment", "extraspinal_mets_count")]
    [InlineData("enrollment", "visceral_mets")]
    [InlineData("enrollment", "asia_grade")]
    [InlineData("enrollment", "ambulatory_status")]
    [InlineData("followup", "study_id")]
    [InlineData("followup", "time_point")]
    [InlineData("followup", "visit_date")]
    [InlineData("followup", "vital_status")]
    [InlineData("withdrawal", "withdrawal_reason")]
    public async Task Validate_RequiredFieldEmpty_MissingRequiredAndRowRejected(string recordType, string field)
    {
        var row = Base(recordType);
        Assert.Empty((await ValidationRun.CsvAsync(row)).Problems);

        var run = await ValidationRun.CsvAsync(row.With(field, ""));

        Assert.Equal([(2, field, ProblemCodes.MissingRequired, Error)], run.Found);
        Assert.Equal(BatchDecision.Rejected, run.Summary.Decision);
        Assert.Empty(run.Accepted);
    }

    [Fact]
    public async Task Validate_RequiredFieldOnlyWhitespace_MissingRequired()
    {
        var run = await ValidationRun.CsvAsync(RadiotherapyEnrollment().With("sex", "  \t "));

        Assert.Equal([(2, "sex", ProblemCodes.MissingRequired, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_RequiredColumnAbsentFromFile_MissingRequired()
    {
        var run = await ValidationRun.CsvAsync(RadiotherapyEnrollment().Without("sex"));

        Assert.Equal([(2, "sex", ProblemCodes.MissingRequired, Error)], run.Found);
    }

    [Theory]
    [InlineData("enrollment", "bilsky_grade")]
    [InlineData("enrollment", "nrs_pain")]
    [InlineData("followup", "nrs_pain")]
    [InlineData("followup", "saves_grade")]
    [InlineData("followup", "reoperation")]
    [InlineData("followup", "local_recurrence")]
    public async Task Validate_RecommendedFieldEmpty_WarningAndRowAccepted(string recordType, string field)
    {
        var run = await ValidationRun.CsvAsync(Base(recordType).Without(field));

        Assert.Equal([(2, field, ProblemCodes.MissingRecommended, Warning)], run.Found);
        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
        Assert.Single(run.Accepted);
    }

    [Fact]
    public async Task Validate_WholeRecommendedInstrumentMissing_OneWarningNotOnePerItem()
    {
        var run = await ValidationRun.CsvAsync(RadiotherapyEnrollment().Without("sins_pain", "sins_bone_lesion", "sins_alignment", "sins_collapse", "sins_posterolateral"));

        Assert.Equal([(2, "sins_pain", ProblemCodes.MissingRecommended, Warning)], run.Found);
    }

    [Fact]
    public async Task Validate_AsiaGrade_RequiredAtEnrollmentOptionalAtFollowUp()
    {
        var enrollment = await ValidationRun.CsvAsync(RadiotherapyEnrollment().Without("asia_grade"));
        var followUp = await ValidationRun.CsvAsync(SampleRows.FollowUp().Without("asia_grade"));

        Assert.Equal([ProblemCodes.MissingRequired], enrollment.Problems.Select(p => p.Code));
        Assert.Empty(followUp.Problems);
    }

    public static TheoryData<string, (string Field, string Value)[], (string Field, string Code)[]> Conditional => new()
    {
        // Surgery type: required when the index treatment includes surgery, forbidden otherwise.
        { "surgery without type", [("index_treatment", "surgery"), ("surgery_type", "")], [("surgery_type", ProblemCodes.MissingRequired)] },
        { "combined without type", [("index_treatment", "combined"), ("surgery_type", "")], [("surgery_type", ProblemCodes.MissingRequired)] },
        { "combined with type", [("index_treatment", "combined"), ("surgery_type", "separation_surgery")], [] },
        { "surgery with type", [("index_treatment", "SURGERY"), ("surgery_type", "decompression")], [] },
        { "radiotherapy with type", [("index_treatment", "radiotherapy"), ("surgery_type", "decompression")], [("surgery_type", ProblemCodes.ConflictingValues)] },
        { "sbrt without type", [("index_treatment", "sbrt"), ("surgery_type", "")], [] },

        // Surgery other (specify).
        { "other surgery without text", [("surgery_type", "other")], [("surgery_other_text", ProblemCodes.MissingRequired)] },
        { "other surgery with text", [("surgery_type", "other"), ("surgery_other_text", "Costotransversectomy")], [] },
        { "named surgery with text", [("surgery_other_text", "Costotransversectomy")], [("surgery_other_text", ProblemCodes.ConflictingValues)] },

        // Primary other (specify).
        { "other primary without text", [("primary_tumour", "other")], [("primary_other_text", ProblemCodes.MissingRequired)] },
        { "other primary with text", [("primary_tumour", "Other"), ("primary_other_text", "Adrenal carcinoma")], [] },
        { "named primary with text", [("primary_other_text", "Adrenal carcinoma")], [("primary_other_text", ProblemCodes.ConflictingValues)] },

        // EQ-5D version: required as soon as any EQ-5D item or the VAS is given.
        { "eq5d items without version", [("eq5d_mo", "1"), ("eq5d_sc", "1"), ("eq5d_ua", "1"), ("eq5d_pd", "1"), ("eq5d_ad", "1")], [("eq5d_version", ProblemCodes.MissingRequired)] },
        { "vas alone without version", [("eq_vas", "60")], [("eq5d_version", ProblemCodes.MissingRequired)] },
        { "vas alone with version", [("eq_vas", "60"), ("eq5d_version", "5L")], [] },
        { "version alone", [("eq5d_version", "3L")], [] },
    };

    [Theory]
    [MemberData(nameof(Conditional))]
    public async Task Validate_ConditionalRequirementOnEnrollment_ExpectedErrors(string scenario, (string Field, string Value)[] cells, (string Field, string Code)[] expected)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With(cells));

        Assert.True(expected.SequenceEqual(run.Errors.Select(p => (p.Field!, p.Code))), scenario + ": " + run.Describe());
    }

    public static TheoryData<string, (string Field, string Value)[], (string Field, string Code)[]> ConditionalFollowUp => new()
    {
        // Death date: required when deceased (or the day of death instead); forbidden otherwise.
        { "deceased without date or day", [("vital_status", "deceased")], [("death_date", ProblemCodes.MissingRequired)] },
        { "deceased with date", [("vital_status", "deceased"), ("death_date", "2026-02-20")], [] },
        { "deceased with day", [("vital_status", "deceased"), ("death_day", "40")], [] },
        { "alive with date", [("death_date", "2026-02-20")], [("death_date", ProblemCodes.ConflictingValues)] },
        { "lost with date", [("vital_status", "lost"), ("death_date", "2026-02-20")], [("death_date", ProblemCodes.ConflictingValues)] },
        { "alive with day", [("death_day", "40")], [("death_day", ProblemCodes.ConflictingValues)] },

        // Visit date, unless the visit day is sent instead.
        { "neither visit date nor day", [("visit_date", "")], [("visit_date", ProblemCodes.MissingRequired)] },
        { "visit day instead of date", [("visit_date", ""), ("visit_day", "42")], [] },
        { "visit date and day", [("visit_day", "42")], [] },
    };

    [Theory]
    [MemberData(nameof(ConditionalFollowUp))]
    public async Task Validate_ConditionalRequirementOnFollowUp_ExpectedErrors(string scenario, (string Field, string Value)[] cells, (string Field, string Code)[] expected)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.FollowUp().With(cells));

        Assert.True(expected.SequenceEqual(run.Errors.Select(p => (p.Field!, p.Code))), scenario + ": " + run.Describe());
    }

    [Theory]
    [InlineData("enrollment", "time_point", "6w")]
    [InlineData("enrollment", "withdrawal_reason", "consent_withdrawn")]
    [InlineData("followup", "sins_pain", "mechanical")]
    [InlineData("followup", "age_at_index", "64")]
    [InlineData("withdrawal", "nrs_pain", "3")]
    public async Task Validate_FieldOfAnotherRecordType_NotApplicable(string recordType, string field, string value)
    {
        var run = await ValidationRun.CsvAsync(Base(recordType).With(field, value));

        Assert.Equal([(2, field, ProblemCodes.NotApplicable, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_ColumnsOfOtherRecordTypesLeftEmpty_NoProblem()
    {
        // A mixed file has every column; a row leaves the other record types' columns empty.
        var run = await ValidationRun.CsvAsync(RadiotherapyEnrollment(), SampleRows.FollowUp(), SampleRows.Withdrawal("S01-0002"));

        Assert.Empty(run.Problems);
    }

    [Theory]
    [InlineData("index_treatment", "surgeryy", "surgery_type", "decompression")]
    [InlineData("index_treatment", "surgeryy", "surgery_type", "")]
    [InlineData("primary_tumour", "lungs", "primary_other_text", "Adrenal carcinoma")]
    public async Task Validate_ConditionFieldHasInvalidCode_OnlyThatFieldReported(string conditionField, string badCode, string dependent, string dependentValue)
    {
        // Whether the dependent field is required or forbidden is unknown while the field it
        // depends on is invalid: a second error would send the data manager the wrong way.
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With((conditionField, badCode), (dependent, dependentValue)));

        Assert.Equal([(2, conditionField, ProblemCodes.InvalidCode, Error)], run.Found);
    }
}
