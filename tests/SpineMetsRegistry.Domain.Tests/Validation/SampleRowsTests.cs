using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>The baseline every rule test starts from: the sample rows are valid and silent.</summary>
public sealed class SampleRowsTests
{
    [Fact]
    public async Task ValidateAsync_SampleEnrollmentFollowUpAndWithdrawal_NoProblemsAllAccepted()
    {
        var run = await ValidationRun.CsvAsync(
            SampleRows.Enrollment("S01-0001"),
            SampleRows.FollowUp("S01-0001"),
            SampleRows.Enrollment("S01-0002").WithEq5d(),
            SampleRows.Withdrawal("S01-0003"));

        Assert.Empty(run.Problems);
        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
        Assert.Equal(4, run.Summary.Accepted);
        Assert.Equal(4, run.Accepted.Count);
    }

    [Fact]
    public async Task ValidateAsync_SampleRowsAsJsonLines_NoProblemsAllAccepted()
    {
        var run = await ValidationRun.JsonLinesAsync(BatchText.JsonLines(
            SampleRows.Enrollment("S01-0001").WithEq5d("3L"),
            SampleRows.FollowUp("S01-0001").WithEq5d()));

        Assert.Empty(run.Problems);
        Assert.Equal(2, run.Accepted.Count);
    }
}
