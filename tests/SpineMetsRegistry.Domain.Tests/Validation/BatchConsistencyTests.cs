using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;
using static SpineMetsRegistry.Domain.Validation.Severity;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>Checks across the rows of a batch and against the registry's known patients.</summary>
public sealed class BatchConsistencyTests
{
    private static Task<ValidationRun> RunAsync(IKnownPatients? known, params Row[] rows) =>
        ValidationRun.CsvAsync(BatchText.Csv(rows), ValidationRun.Context(c => c with { KnownPatients = known }));

    private static KnownPatientSnapshot Known(string studyId, KnownPatient patient) => new(new Dictionary<string, KnownPatient> { [studyId] = patient });

    [Fact]
    public async Task Validate_TwoEnrollmentsSameStudyId_BothRowsDuplicateRecord()
    {
        var run = await RunAsync(null, SampleRows.Enrollment(), SampleRows.FollowUp(), SampleRows.Enrollment());

        Assert.Equal(
            [(2, "study_id", ProblemCodes.DuplicateRecord, Error), (4, "study_id", ProblemCodes.DuplicateRecord, Error)],
            run.Found);
        Assert.Contains("row(s) 4", run.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("row(s) 2", run.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(run.Accepted).Row);
    }

    [Fact]
    public async Task Validate_DuplicateRecord_StudyIdShownOnlyWhenItMatchesSitePattern()
    {
        var withPattern = await RunAsync(null, SampleRows.Withdrawal("S01-0001"), SampleRows.Withdrawal("S01-0001"));
        var withoutPattern = await ValidationRun.CsvAsync(
            BatchText.Csv(SampleRows.Withdrawal("H123456"), SampleRows.Withdrawal("H123456")),
            ValidationRun.Context(c => c with { StudyIdPattern = null }));

        Assert.Equal(["S01-0001", "S01-0001"], withPattern.Problems.Select(p => p.StudyId));
        Assert.Equal([ProblemCodes.DuplicateRecord, ProblemCodes.DuplicateRecord], withoutPattern.Problems.Select(p => p.Code));
        Assert.All(withoutPattern.Problems, p => Assert.Null(p.StudyId));
    }

    [Fact]
    public async Task Validate_TwoFollowUpsSameTimePoint_BothRowsDuplicateRecordOnTimePoint()
    {
        var run = await RunAsync(null, SampleRows.Enrollment(), SampleRows.FollowUp(timePoint: "12w", visitDate: "2026-04-01"), SampleRows.FollowUp(timePoint: "12W", visitDate: "2026-04-03"));

        Assert.Equal(
            [(3, "time_point", ProblemCodes.DuplicateRecord, Error), (4, "time_point", ProblemCodes.DuplicateRecord, Error)],
            run.Found);
    }

    [Fact]
    public async Task Validate_DifferentTimePointsOrPatients_NoDuplicate()
    {
        var run = await RunAsync(
            null,
            SampleRows.Enrollment("S01-0001"),
            SampleRows.Enrollment("S01-0002"),
            SampleRows.FollowUp("S01-0001", "6w"),
            SampleRows.FollowUp("S01-0001", "12w", "2026-04-01"),
            SampleRows.FollowUp("S01-0002", "6w"));

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Validate_UnscheduledVisits_DuplicateOnlyWhenSameDate()
    {
        var distinct = await RunAsync(null, SampleRows.Enrollment(), SampleRows.FollowUp(timePoint: "unscheduled", visitDate: "2026-03-01"), SampleRows.FollowUp(timePoint: "unscheduled", visitDate: "2026-03-08"));
        var same = await RunAsync(null, SampleRows.Enrollment(), SampleRows.FollowUp(timePoint: "unscheduled", visitDate: "2026-03-01"), SampleRows.FollowUp(timePoint: "unscheduled", visitDate: "2026-03-01"));

        Assert.Empty(distinct.Problems);
        Assert.Equal([ProblemCodes.DuplicateRecord, ProblemCodes.DuplicateRecord], same.Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task Validate_VisitBeforeIndexDate_VisitBeforeIndex()
    {
        var run = await RunAsync(null, SampleRows.Enrollment(), SampleRows.FollowUp(visitDate: "2026-01-09"));

        Assert.Equal([(3, "visit_date", ProblemCodes.VisitBeforeIndex, Error)], run.Found);
    }

    [Theory]
    [InlineData("2026-01-10")]
    [InlineData("2026-01-11")]
    public async Task Validate_VisitOnOrAfterIndexDate_Accepted(string visitDate)
    {
        var run = await RunAsync(null, SampleRows.Enrollment(), SampleRows.FollowUp(visitDate: visitDate));

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Validate_FollowUpListedBeforeItsEnrollment_StillCheckedAgainstIndexDate()
    {
        var run = await RunAsync(null, SampleRows.FollowUp(visitDate: "2026-01-05"), SampleRows.Enrollment());

        Assert.Equal([(2, "visit_date", ProblemCodes.VisitBeforeIndex, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_DeathBeforeIndexDate_VisitBeforeIndexOnDeathDate()
    {
        var run = await RunAsync(null, SampleRows.Enrollment(), SampleRows.FollowUp().With(("vital_status", "deceased"), ("death_date", "2026-01-09")).Without("nrs_pain"));

        Assert.Contains((3, "death_date", ProblemCodes.VisitBeforeIndex, Error), run.Found);
    }

    [Fact]
    public async Task Validate_VisitAfterRecordedDeath_VisitAfterDeath()
    {
        var run = await RunAsync(
            null,
            SampleRows.Enrollment(),
            SampleRows.FollowUp(timePoint: "12w", visitDate: "2026-04-01").With(("vital_status", "deceased"), ("death_date", "2026-03-20")).Without("nrs_pain"),
            SampleRows.FollowUp(timePoint: "26w", visitDate: "2026-05-15"));

        Assert.Equal([(4, "visit_date", ProblemCodes.VisitAfterDeath, Error)], run.Errors.Select(p => (p.Row, p.Field, p.Code, p.Severity)));
        Assert.Equal([2, 3], run.Accepted.Select(r => r.Row));
    }

    [Fact]
    public async Task Validate_VisitBeforeRecordedDeath_Accepted()
    {
        var run = await RunAsync(
            null,
            SampleRows.Enrollment(),
            SampleRows.FollowUp(timePoint: "6w", visitDate: "2026-02-21"),
            SampleRows.FollowUp(timePoint: "12w", visitDate: "2026-04-01").With(("vital_status", "deceased"), ("death_date", "2026-03-20")).Without("nrs_pain"));

        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task Validate_VisitDayAfterDeathDay_VisitAfterDeathOnVisitDay()
    {
        var run = await RunAsync(
            null,
            SampleRows.Enrollment(),
            SampleRows.FollowUp(timePoint: "12w").Without("visit_date", "nrs_pain").With(("visit_day", "84"), ("vital_status", "deceased"), ("death_day", "70")),
            SampleRows.FollowUp(timePoint: "26w").Without("visit_date").With("visit_day", "182"));

        Assert.Equal([(4, "visit_day", ProblemCodes.VisitAfterDeath, Error)], run.Errors.Select(p => (p.Row, p.Field, p.Code, p.Severity)));
    }

    [Fact]
    public async Task Validate_VisitAfterDeathKnownToRegistry_VisitAfterDeath()
    {
        var known = Known("S01-0001", new KnownPatient(new DateOnly(2026, 1, 10), DeathDay: 30, Withdrawn: false));

        var run = await RunAsync(known, SampleRows.FollowUp(visitDate: "2026-02-21"));

        Assert.Equal([(2, "visit_date", ProblemCodes.VisitAfterDeath, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_FollowUpWithoutEnrollmentOffline_NoUnknownStudyIdCheck()
    {
        var run = await RunAsync(null, SampleRows.FollowUp());

        Assert.Empty(run.Problems);
        Assert.False(run.Summary.CrossBatchChecksRan);
    }

    [Fact]
    public async Task Validate_FollowUpForPatientNeverEnrolled_UnknownStudyId()
    {
        var run = await RunAsync(KnownPatientSnapshot.Empty, SampleRows.FollowUp("S01-0007"), SampleRows.Withdrawal("S01-0008"));

        Assert.Equal(
            [(2, "study_id", ProblemCodes.UnknownStudyId, Error), (3, "study_id", ProblemCodes.UnknownStudyId, Error)],
            run.Found);
        Assert.True(run.Summary.CrossBatchChecksRan);
    }

    [Fact]
    public async Task Validate_FollowUpWithEnrollmentInBatchOrRegistry_Known()
    {
        var known = Known("S01-0002", new KnownPatient(new DateOnly(2026, 1, 10), null, false));

        var run = await RunAsync(known, SampleRows.Enrollment("S01-0001"), SampleRows.FollowUp("S01-0001"), SampleRows.FollowUp("S01-0002"));

        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Validate_VisitBeforeIndexDateKnownToRegistry_VisitBeforeIndex()
    {
        var known = Known("S01-0001", new KnownPatient(new DateOnly(2026, 3, 1), null, false));

        var run = await RunAsync(known, SampleRows.FollowUp(visitDate: "2026-02-21"));

        Assert.Equal([(2, "visit_date", ProblemCodes.VisitBeforeIndex, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_DataForPatientWithdrawnInRegistry_WithdrawnPatient()
    {
        var known = Known("S01-0001", new KnownPatient(new DateOnly(2026, 1, 10), null, Withdrawn: true));

        var run = await RunAsync(known, SampleRows.FollowUp());

        Assert.Equal([(2, "study_id", ProblemCodes.WithdrawnPatient, Error)], run.Found);
    }

    [Fact]
    public async Task Validate_WithdrawalInSameBatch_EveryOtherRowOfPatientWithdrawnPatient()
    {
        var run = await RunAsync(null, SampleRows.Enrollment("S01-0001"), SampleRows.FollowUp("S01-0001"), SampleRows.Withdrawal("S01-0001"), SampleRows.Enrollment("S01-0002"));

        Assert.Equal(
            [(2, "study_id", ProblemCodes.WithdrawnPatient, Error), (3, "study_id", ProblemCodes.WithdrawnPatient, Error)],
            run.Found);
        Assert.Equal([4, 5], run.Accepted.Select(r => r.Row));
    }

    [Fact]
    public async Task Validate_PatientNotWithdrawn_NoWithdrawnPatient()
    {
        var known = Known("S01-0001", new KnownPatient(new DateOnly(2026, 1, 10), null, Withdrawn: false));

        Assert.Empty((await RunAsync(known, SampleRows.FollowUp())).Problems);
    }

    [Fact]
    public async Task Validate_RowRejectedOnItsOwn_NotCountedForCrossRowChecks()
    {
        // The second enrollment is invalid, so it is no duplicate of the first.
        var run = await RunAsync(null, SampleRows.Enrollment(), SampleRows.Enrollment().With("sex", "x"));

        Assert.Equal([(3, "sex", ProblemCodes.InvalidCode, Error)], run.Found);
    }
}
