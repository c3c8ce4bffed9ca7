using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Domain.Tests.FollowUp;

public sealed class VisitReminderTests
{
    private static readonly DateOnly Index = new(2026, 1, 5);

    // 12w: window days 63-105, target day 84 (2026-03-30), window 2026-03-09 .. 2026-04-20.
    private static readonly ScheduledVisit Visit = new()
    {
        Site = "S01",
        StudyId = "S01-0007",
        TimePoint = "12w",
        IndexDate = Index,
        TargetDay = 84,
        WindowBeforeDays = 21,
        WindowAfterDays = 21,
        UpcomingLeadDays = 14,
        ProtocolFingerprint = "test",
    };

    /// <summary>Day after index, expected state, days until opening, days remaining, days overdue.</summary>
    public static TheoryData<int, VisitState, int?, int?, int?> Days => new()
    {
        { 48, VisitState.Scheduled, null, null, null },
        { 49, VisitState.Upcoming, 14, null, null },
        { 62, VisitState.Upcoming, 1, null, null },
        { 63, VisitState.Due, null, 42, null },
        { 84, VisitState.Due, null, 21, null },
        { 85, VisitState.Overdue, null, 20, 1 },
        { 105, VisitState.Overdue, null, 0, 21 },
        { 106, VisitState.Missed, null, null, 22 },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Describe_DayOfTheWindow_StateAndCountdowns(int day, VisitState state, int? untilOpens, int? remaining, int? overdue)
    {
        var reminder = VisitReminder.Describe(Visit, Index.AddDays(day));

        Assert.Equal(state, reminder.State);
        Assert.Equal(untilOpens, reminder.DaysUntilWindowOpens);
        Assert.Equal(remaining, reminder.DaysRemaining);
        Assert.Equal(overdue, reminder.DaysOverdue);
        Assert.Equal(new DateOnly(2026, 3, 9), reminder.WindowOpens);
        Assert.Equal(new DateOnly(2026, 3, 30), reminder.TargetDate);
        Assert.Equal(new DateOnly(2026, 4, 20), reminder.WindowCloses);
        Assert.Equal(VisitReminder.IsActionable(state), VisitReminder.For(Visit, Index.AddDays(day)) is not null);
    }

    [Fact]
    public void For_CompletedInsideWindow_NothingToTell()
    {
        Assert.Null(VisitReminder.For(Visit with { CompletedDay = 80 }, Index.AddDays(90)));
    }

    [Fact]
    public void For_CompletedOutsideWindow_ToldWithFlagAndVisitDay()
    {
        var reminder = VisitReminder.For(Visit with { CompletedDay = 110 }, Index.AddDays(115));

        Assert.NotNull(reminder);
        Assert.Equal(VisitState.Completed, reminder.State);
        Assert.True(reminder.OutsideWindow);
        Assert.Equal(110, reminder.ReceivedDay);
    }

    [Fact]
    public void For_NotRequired_NothingToTell()
    {
        Assert.Null(VisitReminder.For(Visit with { DeathDay = 30 }, Index.AddDays(90)));
    }

    [Fact]
    public void Urgency_MixedStates_MissedFirstThenOverdueDueUpcomingCompleted()
    {
        var day = Index.AddDays(90);
        var reminders = new[]
        {
            VisitReminder.Describe(Visit with { StudyId = "S01-0001", IndexDate = Index.AddDays(30) }, day), // upcoming
            VisitReminder.Describe(Visit with { StudyId = "S01-0002", CompletedDay = 20 }, day),             // completed early
            VisitReminder.Describe(Visit with { StudyId = "S01-0003" }, day),                                 // overdue
            VisitReminder.Describe(Visit with { StudyId = "S01-0004", IndexDate = Index.AddDays(-40) }, day), // missed
            VisitReminder.Describe(Visit with { StudyId = "S01-0005", IndexDate = Index.AddDays(10) }, day),  // due
        };

        var ordered = reminders.Order(VisitReminder.Urgency).Select(r => (r.StudyId, r.State)).ToList();

        Assert.Equal(
            [
                ("S01-0004", VisitState.Missed), ("S01-0003", VisitState.Overdue), ("S01-0005", VisitState.Due),
                ("S01-0001", VisitState.Upcoming), ("S01-0002", VisitState.Completed),
            ],
            ordered);
    }
}
