using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>The row policy, the summary counts, and pass 2 yielding exactly the accepted rows.</summary>
public sealed class BatchDecisionTests
{
    private static readonly Row[] Mixed =
    [
        SampleRows.Enrollment("S01-0001"),
        SampleRows.Enrollment("S01-0002").With(("sex", "x"), ("age_at_index", "17")), // two errors, one row
        SampleRows.FollowUp("S01-0001"),
        SampleRows.FollowUp("S01-0002", "6w").Without("saves_grade"), // warning only
        SampleRows.Withdrawal("S01-0003").With("withdrawal_reason", ""), // error
    ];

    private static Task<ValidationRun> RunAsync(InvalidRowPolicy policy, params Row[] rows) =>
        ValidationRun.CsvAsync(BatchText.Csv(rows), ValidationRun.Context(c => c with { RowPolicy = policy }));

    [Fact]
    public void Context_DefaultPolicy_AcceptValidRows()
    {
        Assert.Equal(InvalidRowPolicy.AcceptValidRows, ValidationRun.Context().RowPolicy);
    }

    [Fact]
    public async Task Summary_AcceptValidRowsWithSomeErrors_PartiallyAcceptedWithEveryCount()
    {
        var run = await RunAsync(InvalidRowPolicy.AcceptValidRows, Mixed);
        var summary = run.Summary;

        Assert.Equal(BatchDecision.PartiallyAccepted, summary.Decision);
        Assert.Equal(InvalidRowPolicy.AcceptValidRows, summary.Policy);
        Assert.Equal(5, summary.Records);
        Assert.Equal(3, summary.Accepted);
        Assert.Equal(2, summary.Rejected);
        Assert.Equal(2, summary.RecordsWithErrors);
        Assert.Equal(3, summary.Errors);
        Assert.Equal(1, summary.RecordsWithWarnings);
        Assert.Equal(1, summary.Warnings);
        Assert.False(summary.HasStructuralProblems);
        Assert.False(summary.IsClean);
        Assert.Equal(new Dictionary<string, int> { ["enrollment"] = 1, ["followup"] = 2, ["withdrawal"] = 0 }, summary.AcceptedByRecordType);
        Assert.Equal(
            new Dictionary<string, int> { [ProblemCodes.InvalidCode] = 1, [ProblemCodes.OutOfRange] = 1, [ProblemCodes.MissingRecommended] = 1, [ProblemCodes.MissingRequired] = 1 },
            summary.ProblemsByCode);
        Assert.Equal([3, 6], Enumerable.Range(1, 10).Where(run.Outcome.RejectedRows.Contains));
        Assert.True(run.Outcome.StoresRecords);
    }

    [Fact]
    public async Task ReadAcceptedAsync_PartiallyAccepted_YieldsExactlyTheAcceptedRowsInOrder()
    {
        var run = await RunAsync(InvalidRowPolicy.AcceptValidRows, Mixed);

        Assert.Equal([2, 4, 5], run.Accepted.Select(r => r.Row));
        Assert.Equal(["S01-0001", "S01-0001", "S01-0002"], run.Accepted.Select(r => r.StudyId));
        Assert.Equal(run.Summary.Accepted, run.Accepted.Count);
    }

    [Fact]
    public async Task Summary_HoldWholeBatchWithAnError_HeldNothingStored()
    {
        var run = await RunAsync(InvalidRowPolicy.HoldWholeBatch, Mixed);

        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
        Assert.Equal(InvalidRowPolicy.HoldWholeBatch, run.Summary.Policy);
        Assert.Equal((5, 0, 5), (run.Summary.Records, run.Summary.Accepted, run.Summary.Rejected));
        Assert.All(run.Summary.AcceptedByRecordType.Values, count => Assert.Equal(0, count));
        Assert.False(run.Summary.HasStructuralProblems);
        Assert.False(run.Outcome.StoresRecords);
        Assert.Empty(run.Accepted);
    }

    [Theory]
    [InlineData(InvalidRowPolicy.AcceptValidRows)]
    [InlineData(InvalidRowPolicy.HoldWholeBatch)]
    public async Task Summary_OnlyWarnings_AcceptedUnderEitherPolicy(InvalidRowPolicy policy)
    {
        var run = await RunAsync(policy, SampleRows.Enrollment(), SampleRows.FollowUp().Without("saves_grade"));

        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
        Assert.True(run.Summary.IsClean);
        Assert.Equal((2, 0, 1, 1), (run.Summary.Accepted, run.Summary.Rejected, run.Summary.Warnings, run.Summary.RecordsWithWarnings));
        Assert.Equal(2, run.Accepted.Count);
    }

    [Theory]
    [InlineData(InvalidRowPolicy.AcceptValidRows)]
    [InlineData(InvalidRowPolicy.HoldWholeBatch)]
    public async Task Summary_EveryRowInvalid_RejectedOrHeld(InvalidRowPolicy policy)
    {
        var run = await RunAsync(policy, SampleRows.Enrollment().With("sex", "x"), SampleRows.FollowUp().With("time_point", "3m"));

        Assert.Equal(policy == InvalidRowPolicy.AcceptValidRows ? BatchDecision.Rejected : BatchDecision.Held, run.Summary.Decision);
        Assert.Equal((2, 0, 2), (run.Summary.Records, run.Summary.Accepted, run.Summary.Rejected));
        Assert.Empty(run.Accepted);
    }

    [Fact]
    public async Task Summary_StructuralProblemUnderAcceptValidRows_StillHeld()
    {
        var csv = BatchText.Csv(SampleRows.Withdrawal().With("tumour_grade", ""));

        var run = await ValidationRun.CsvAsync(csv);

        Assert.Equal(InvalidRowPolicy.AcceptValidRows, run.Summary.Policy);
        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
        Assert.Empty(run.Accepted);
    }

    [Fact]
    public async Task Summary_RowValidAloneButFailingCrossRowCheck_Rejected()
    {
        var run = await RunAsync(InvalidRowPolicy.AcceptValidRows, SampleRows.Enrollment(), SampleRows.Enrollment(), SampleRows.Enrollment("S01-0002"));

        Assert.Equal((3, 1, 2, 2), (run.Summary.Records, run.Summary.Accepted, run.Summary.Rejected, run.Summary.RecordsWithErrors));
        Assert.Equal([4], run.Accepted.Select(r => r.Row));
    }

    [Fact]
    public async Task ReadAcceptedAsync_ContentChangedBetweenPasses_Throws()
    {
        // Pass 2 must read the same immutable bytes; a changed file is a programming error.
        var validator = new BatchValidator(ValidationRun.Context());
        var original = Encoding.UTF8.GetBytes(BatchText.Csv(SampleRows.Enrollment()));
        var changed = Encoding.UTF8.GetBytes(BatchText.Csv(SampleRows.Enrollment().With("sex", "x")));
        var outcome = await validator.ValidateAsync(new MemoryStream(original), BatchFormat.Csv, new CollectingReportSink());

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in validator.ReadAcceptedAsync(new MemoryStream(changed), BatchFormat.Csv, outcome))
            {
            }
        });
    }

    [Fact]
    public async Task ValidateAsync_LargeBatch_EveryRowReportedNotJustTheFirst()
    {
        var rows = Enumerable.Range(1, 500).Select(i => SampleRows.Enrollment($"S01-{i:D4}").With("sex", i % 2 == 0 ? "x" : "male")).ToArray();

        var run = await RunAsync(InvalidRowPolicy.AcceptValidRows, rows);

        Assert.Equal(250, run.Errors.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (2 * i) + 1), run.Errors.Select(p => p.Row));
        Assert.Equal(250, run.Accepted.Count);
    }
}
