using SpineMetsRegistry.Domain.Aggregation;
using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Domain.Tests.FollowUp;

public sealed class FollowUpComplianceTests
{
    private static readonly DateOnly Index = new(2026, 1, 5);

    // 6w: window days 28-56.
    private static ScheduledVisit Visit(string site, string studyId, string timePoint = "6w", int? completed = null, int? death = null) => new()
    {
        Site = site,
        StudyId = studyId,
        TimePoint = timePoint,
        IndexDate = Index,
        TargetDay = timePoint == "6w" ? 42 : 84,
        WindowBeforeDays = timePoint == "6w" ? 14 : 21,
        WindowAfterDays = timePoint == "6w" ? 14 : 21,
        UpcomingLeadDays = 14,
        ProtocolFingerprint = "test",
        CompletedDay = completed,
        DeathDay = death,
    };

    [Theory]
    [InlineData(56, null, null, null)]                     // last day of the window: not counted yet
    [InlineData(57, null, null, ComplianceOutcome.Missed)] // the window closed without a visit
    [InlineData(57, 40, null, ComplianceOutcome.WithinWindow)]
    [InlineData(57, 27, null, ComplianceOutcome.OutsideWindow)]
    [InlineData(70, 60, null, ComplianceOutcome.OutsideWindow)]
    [InlineData(57, null, 20, null)]                       // died before the window: not required
    [InlineData(57, null, 30, ComplianceOutcome.Missed)]   // died inside the window: no visit received
    public void OutcomeOn_VisitAfterItsWindow_Outcome(int day, int? completed, int? death, ComplianceOutcome? expected)
    {
        Assert.Equal(expected, FollowUpCompliance.OutcomeOn(Visit("S01", "S01-0001", completed: completed, death: death), Index.AddDays(day)));
    }

    [Fact]
    public void OutcomeOn_LateVisitNotYetTakenPlace_CountsAsMissedUntilItHappens()
    {
        var visit = Visit("S01", "S01-0001", completed: 60);

        Assert.Equal(ComplianceOutcome.Missed, FollowUpCompliance.OutcomeOn(visit, Index.AddDays(58)));
        Assert.Equal(ComplianceOutcome.OutsideWindow, FollowUpCompliance.OutcomeOn(visit, Index.AddDays(60)));
    }

    [Fact]
    public void Compute_TwoSitesTwoTimePoints_RatesAndThreshold()
    {
        var day = Index.AddDays(120);
        var visits = new[]
        {
            Visit("S01", "S01-0001", completed: 40), Visit("S01", "S01-0002", completed: 41), Visit("S01", "S01-0003", completed: 42),
            Visit("S01", "S01-0004", completed: 43), Visit("S01", "S01-0005"),
            Visit("S01", "S01-0001", "12w", completed: 80), Visit("S01", "S01-0002", "12w", completed: 110),
            Visit("S02", "S02-0001", completed: 40), Visit("S02", "S02-0002", death: 10),
        };

        var compliance = FollowUpCompliance.Compute(visits, day);

        Assert.Equal(
            [
                new SiteCompliance("S01", "6w", 4, 0, 1),
                new SiteCompliance("S01", "12w", 1, 1, 0),
                new SiteCompliance("S02", "6w", 1, 0, 0),
            ],
            compliance);
        Assert.Equal(0.8, compliance[0].Rate, 10);
        Assert.False(compliance[0].IsBelow(0.8));
        Assert.True(compliance[1].IsBelow(0.8));
        Assert.False(compliance[2].IsBelow(0.8));
    }

    [Fact]
    public void ToTable_Compliance_CountTableSiteTimePointOutcomeWithZeros()
    {
        var table = FollowUpCompliance.ToTable([new SiteCompliance("S01", "6w", 12, 0, 3)], Index);

        Assert.Equal(FollowUpCompliance.TableName, table.Name);
        Assert.Equal(["site", "time_point", "outcome"], table.Dimensions);
        Assert.Equal(
            [(new[] { "S01", "6w", "within_window" }, 12), (new[] { "S01", "6w", "outside_window" }, 0), (new[] { "S01", "6w", "missed" }, 3)],
            table.Counts.Select(c => (c.Keys.ToArray(), c.Count)));

        // 3 missed is a small cell; 12 within the window is hidden too, or 15 - 12 would reveal it.
        var published = SmallCellSuppressor.Publish(table);
        Assert.Equal(["suppressed", "0", "<11"], published.Counts.Select(c => c.Display));
        Assert.Equal(["complementary", null, "primary"], published.Counts.Select(c => c.Suppression));
    }
}
