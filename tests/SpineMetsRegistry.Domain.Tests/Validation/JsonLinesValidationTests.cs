using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;
using static SpineMetsRegistry.Domain.Validation.Severity;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>The main validation cases again, uploaded as JSON Lines.</summary>
public sealed class JsonLinesValidationTests
{
    private const string Enrollment =
        """{"record_type":"enrollment","study_id":"S01-0001","age_at_index":64,"sex":"female","index_date":"2026-01-10","index_treatment":"radiotherapy","primary_tumour":"breast","index_level":"T8","lesion_levels":["T7","T8"],"spinal_mets_count":2,"extraspinal_mets_count":0,"visceral_mets":"none","sins_pain":"mechanical","sins_bone_lesion":"lytic","sins_alignment":"normal","sins_collapse":"under_50","sins_posterolateral":"unilateral","bilsky_grade":"1b","kps":70,"asia_grade":"E","ambulatory_status":"independent","nrs_pain":6,"albumin_g_l":35.5}""";

    private const string FollowUp =
        """{"record_type":"followup","study_id":"S01-0001","time_point":"6w","visit_date":"2026-02-21","vital_status":"alive","nrs_pain":3,"saves_grade":"none","reoperation":false,"local_recurrence":false,"eq5d_version":"5L","eq5d_mo":2,"eq5d_sc":1,"eq5d_ua":3,"eq5d_pd":2,"eq5d_ad":1,"eq_vas":70}""";

    private static string Replace(string line, string from, string to) => line.Replace(from, to, StringComparison.Ordinal);

    [Fact]
    public async Task Validate_JsonNumbersArraysAndBooleans_AcceptedAndTyped()
    {
        var run = await ValidationRun.JsonLinesAsync(Enrollment + "\n" + FollowUp + "\n");

        Assert.Empty(run.Problems);
        Assert.Equal(["T7", "T8"], run.Accepted[0].GetCodes("lesion_levels"));
        Assert.Equal(35.5m, run.Accepted[0].GetDecimal("albumin_g_l"));
        Assert.False(run.Accepted[1].GetBoolean("reoperation"));
        Assert.Equal(70, run.Accepted[1].GetInteger("eq_vas"));
    }

    [Theory]
    [InlineData("\"age_at_index\":64", "\"age_at_index\":64.0", null)]
    [InlineData("\"spinal_mets_count\":2", "\"spinal_mets_count\":2.0", null)]
    [InlineData("\"spinal_mets_count\":2", "\"spinal_mets_count\":\"2\"", null)]
    [InlineData("\"spinal_mets_count\":2", "\"spinal_mets_count\":2.5", ProblemCodes.InvalidType)]
    [InlineData("\"kps\":70", "\"kps\":75", ProblemCodes.OutOfRange)]
    [InlineData("\"age_at_index\":64", "\"age_at_index\":\"90+\"", null)]
    [InlineData("\"sex\":\"female\"", "\"sex\":\"FEMALE\"", null)]
    [InlineData("\"sex\":\"female\"", "\"sex\":\"f\"", ProblemCodes.InvalidCode)]
    [InlineData("\"lesion_levels\":[\"T7\",\"T8\"]", "\"lesion_levels\":\"T7;T8\"", null)]
    [InlineData("\"lesion_levels\":[\"T7\",\"T8\"]", "\"lesion_levels\":[\"T7\",\"X9\"]", ProblemCodes.InvalidCode)]
    [InlineData("\"index_date\":\"2026-01-10\"", "\"index_date\":\"2026-02-30\"", ProblemCodes.InvalidType)]
    [InlineData("\"albumin_g_l\":35.5", "\"albumin_g_l\":\"35,5\"", ProblemCodes.InvalidType)]
    [InlineData("\"albumin_g_l\":35.5", "\"albumin_g_l\":null", null)]
    public async Task Validate_JsonValue_SameTypingRulesAsCsv(string from, string to, string? code)
    {
        var run = await ValidationRun.JsonLinesAsync(Replace(Enrollment, from, to) + "\n");

        Assert.Equal(code is null ? [] : [code], run.Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task Validate_JsonExactAgeAbove89_OutOfRangeAndAnIdentifierFinding()
    {
        var run = await ValidationRun.JsonLinesAsync(Replace(Enrollment, "\"age_at_index\":64", "\"age_at_index\":93") + "\n");

        Assert.Equal([ProblemCodes.OutOfRange, Domain.Deidentification.DeidentificationGate.AgeOver89Code], run.Problems.Select(p => p.Code));
        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_NullForRequiredField_MissingRequired()
    {
        var run = await ValidationRun.JsonLinesAsync(Replace(Enrollment, "\"sex\":\"female\"", "\"sex\":null") + "\n");

        Assert.Equal([(1, "sex", ProblemCodes.MissingRequired, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_BooleanFieldAsJsonTrue_Accepted()
    {
        var run = await ValidationRun.JsonLinesAsync(Replace(FollowUp, "\"reoperation\":false", "\"reoperation\":true") + "\n");

        Assert.Empty(run.Problems);
        Assert.True(Assert.Single(run.Accepted).GetBoolean("reoperation"));
    }

    [Fact]
    public async Task Validate_NestedObject_JsonNestedValueRowRejectedOthersKept()
    {
        var run = await ValidationRun.JsonLinesAsync(Enrollment + "\n" + Replace(FollowUp, "\"nrs_pain\":3", "\"nrs_pain\":{\"value\":3}") + "\n");

        Assert.Equal([(2, "nrs_pain", ProblemCodes.JsonNestedValue, Error)], run.Found);
        Assert.Equal(BatchDecision.PartiallyAccepted, run.Summary.Decision);
        Assert.Equal([1], run.Accepted.Select(r => r.Row));
    }

    [Fact]
    public async Task Validate_DuplicateKey_RowRejectedNotWholeBatch()
    {
        var run = await ValidationRun.JsonLinesAsync(Enrollment + "\n" + Replace(FollowUp, "\"nrs_pain\":3", "\"nrs_pain\":3,\"nrs_pain\":4") + "\n");

        Assert.Equal([(2, "nrs_pain", ProblemCodes.DuplicateColumn, Error)], run.Found);
        Assert.False(run.Problems[0].IsStructural);
        Assert.Equal(BatchDecision.PartiallyAccepted, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_UnknownKey_ReportedOnceAtFirstLineAndBatchHeld()
    {
        var withMrn = Replace(Enrollment, "{", "{\"tumour_grade\":\"G1\",");
        var run = await ValidationRun.JsonLinesAsync(Enrollment.Replace("S01-0001", "S01-0002", StringComparison.Ordinal) + "\n" + withMrn + "\n" + Replace(FollowUp, "{", "{\"tumour_grade\":\"G2\",") + "\n");

        var problem = run.Single();
        Assert.Equal((2, "tumour_grade", ProblemCodes.UnknownColumn), (problem.Row, problem.Field, problem.Code));
        Assert.True(problem.IsStructural);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
        Assert.Empty(run.Accepted);
    }

    [Theory]
    [InlineData("[1,2]", ProblemCodes.JsonNotObject)]
    [InlineData("42", ProblemCodes.JsonNotObject)]
    [InlineData("{\"record_type\":", ProblemCodes.InvalidJson)]
    [InlineData("{\"record_type\":\"enrollment\"} extra", ProblemCodes.InvalidJson)]
    public async Task Validate_BrokenLine_OnlyThatLineRejected(string line, string code)
    {
        var run = await ValidationRun.JsonLinesAsync(Enrollment + "\n" + line + "\n" + FollowUp + "\n");

        Assert.Equal([(2, null, code, Error)], run.Found);
        Assert.Equal([1, 3], run.Accepted.Select(r => r.Row));
    }

    [Fact]
    public async Task Validate_BlankLinesBetweenAndAfter_WarningForEachRun()
    {
        var run = await ValidationRun.JsonLinesAsync(Enrollment + "\n\n" + FollowUp + "\n\n\n");

        Assert.Equal([(2, null, ProblemCodes.BlankRow, Warning), (4, null, ProblemCodes.BlankRow, Warning)], run.Found);
        Assert.Equal([1, 3], run.Accepted.Select(r => r.Row));
    }

    [Fact]
    public async Task Validate_CrlfLineEnds_Accepted()
    {
        var run = await ValidationRun.JsonLinesAsync(Enrollment + "\r\n" + FollowUp + "\r\n");

        Assert.Empty(run.Problems);
        Assert.Equal(2, run.Accepted.Count);
    }

    [Fact]
    public async Task Validate_DuplicateTimePointAndVisitBeforeIndex_CrossRowChecksAsInCsv()
    {
        var early = Replace(Replace(FollowUp, "2026-02-21", "2026-01-02"), "\"6w\"", "\"12w\"");
        var run = await ValidationRun.JsonLinesAsync(string.Join('\n', Enrollment, FollowUp, FollowUp, early) + "\n");

        Assert.Equal(
            [(2, "time_point", ProblemCodes.DuplicateRecord, Error), (3, "time_point", ProblemCodes.DuplicateRecord, Error), (4, "visit_date", ProblemCodes.VisitBeforeIndex, Error)],
            run.Found);
    }

    [Fact]
    public async Task Validate_MissingRecordTypeKey_InvalidRecordType()
    {
        var run = await ValidationRun.JsonLinesAsync(Replace(FollowUp, "\"record_type\":\"followup\",", "") + "\n");

        Assert.Equal([(1, "record_type", ProblemCodes.InvalidRecordType, Error)], run.Found);
    }
}
