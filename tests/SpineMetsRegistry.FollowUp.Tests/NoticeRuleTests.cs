using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>When the sweep announces a visit and what it records, case by case.</summary>
public sealed class NoticeRuleTests
{
    private static readonly DateOnly Index = new(2026, 1, 5);
    private static readonly DateOnly Today = Index.AddDays(30); // 6w due (window days 28-56)

    private static readonly ScheduledVisit Visit = new()
    {
        Site = "S01",
        StudyId = "S01-0001",
        TimePoint = "6w",
        IndexDate = Index,
        TargetDay = 42,
        WindowBeforeDays = 14,
        WindowAfterDays = 14,
        UpcomingLeadDays = 14,
        ProtocolFingerprint = "test",
    };

    [Fact]
    public void Decide_NeverAnnounced_AnnouncedAsNewAndRecorded()
    {
        var decision = NoticeRule.Decide(Visit, Today, null);

        Assert.NotNull(decision);
        Assert.Equal(VisitState.Due, decision.Reminder!.State);
        Assert.Equal(new ReminderNotice(VisitState.Due, Today), decision.Record);
        Assert.True(decision.IsNew);
    }

    [Fact]
    public void Decide_OtherStateAnnouncedBefore_AnnouncedAsNew()
    {
        var decision = NoticeRule.Decide(Visit, Today, new ReminderNotice(VisitState.Upcoming, Today.AddDays(-10)));

        Assert.True(decision!.IsNew);
        Assert.Equal(new ReminderNotice(VisitState.Due, Today), decision.Record);
    }

    [Fact]
    public void Decide_SameStateAnnouncedOnAnEarlierDay_Nothing()
    {
        Assert.Null(NoticeRule.Decide(Visit, Today, new ReminderNotice(VisitState.Due, Today.AddDays(-2))));
    }

    [Fact]
    public void Decide_SameStateAnnouncedToday_InTheDigestAgainNothingRecordedNotNew()
    {
        var decision = NoticeRule.Decide(Visit, Today, new ReminderNotice(VisitState.Due, Today));

        Assert.NotNull(decision!.Reminder);
        Assert.Null(decision.Record);
        Assert.False(decision.IsNew);
    }

    [Fact]
    public void Decide_NothingToTellAndNeverTold_Nothing()
    {
        Assert.Null(NoticeRule.Decide(Visit, Index.AddDays(5), null));
        Assert.Null(NoticeRule.Decide(Visit with { CompletedDay = 29 }, Today, null));
    }

    [Fact]
    public void Decide_BackToScheduledAfterUpcomingWasTold_RecordedSilently()
    {
        var decision = NoticeRule.Decide(Visit, Index.AddDays(5), new ReminderNotice(VisitState.Upcoming, Index.AddDays(-10)));

        Assert.Null(decision!.Reminder);
        Assert.Equal(new ReminderNotice(VisitState.Scheduled, Index.AddDays(5)), decision.Record);
    }

    [Fact]
    public void Decide_CompletedInWindowAfterDue_RecordedSilently()
    {
        var decision = NoticeRule.Decide(Visit with { CompletedDay = 29 }, Today, new ReminderNotice(VisitState.Due, Today.AddDays(-1)));

        Assert.Null(decision!.Reminder);
        Assert.Equal(VisitState.Completed, decision.Record!.State);
    }

    [Fact]
    public void Decide_ReceivedOutsideWindow_AnnouncedOnceFlagged()
    {
        var late = Visit with { CompletedDay = 60 };
        var day = Index.AddDays(61);

        var first = NoticeRule.Decide(late, day, new ReminderNotice(VisitState.Missed, Index.AddDays(57)));
        var later = NoticeRule.Decide(late, day.AddDays(1), first!.Record);

        Assert.True(first.Reminder!.OutsideWindow);
        Assert.Equal(VisitState.Completed, first.Reminder.State);
        Assert.Null(later);
    }
}
