using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Domain.Tests.FollowUp;

/// <summary>A protocol change applies to visits not yet completed; completed ones keep the window they were completed in.</summary>
public sealed class FollowUpSchedulerProtocolChangeTests
{
    private static readonly DateOnly Index = new(2026, 1, 5);

    private static readonly FollowUpProtocol Original = new();

    private static readonly FollowUpProtocol Changed = new()
    {
        TimePoints = [new("6w", 42, 7, 7), new("12w", 91, 14, 14), new("26w", 182, 28, 28), new("52w", 364, 42, 42)],
    };

    private static IReadOnlyList<ScheduledVisit> Planned(IReadOnlyDictionary<string, int>? completed = null) =>
        FollowUpScheduler.Update("S01", "S01-0001", Original, [], new PatientScheduleUpdate(Index, completed ?? new Dictionary<string, int>(), null));

    [Fact]
    public void ApplyProtocol_ChangedWindows_OpenVisitsMoveCompletedKeepTheirWindow()
    {
        var current = Planned(new Dictionary<string, int> { ["6w"] = 55 });

        var next = FollowUpScheduler.ApplyProtocol(Changed, current).ToDictionary(v => v.TimePoint);

        var sixWeeks = next["6w"];
        Assert.Equal(14, sixWeeks.WindowBeforeDays);
        Assert.Equal(Original.Fingerprint, sixWeeks.ProtocolFingerprint);
        Assert.False(sixWeeks.CompletedOutsideWindow);

        var twelveWeeks = next["12w"];
        Assert.Equal(91, twelveWeeks.TargetDay);
        Assert.Equal(14, twelveWeeks.WindowBeforeDays);
        Assert.Equal(Changed.Fingerprint, twelveWeeks.ProtocolFingerprint);
        Assert.Equal(Index.AddDays(91 - 14), twelveWeeks.WindowOpens);
    }

    [Fact]
    public void ApplyProtocol_TimePointDropped_OpenVisitNoLongerExpectedCompletedKept()
    {
        var current = Planned(new Dictionary<string, int> { ["26w"] = 180 });
        var withoutTwoTimePoints = new FollowUpProtocol { TimePoints = [new("6w", 42, 14, 14), new("52w", 364, 42, 42)] };

        var next = FollowUpScheduler.ApplyProtocol(withoutTwoTimePoints, current);

        Assert.Equal(["6w", "52w", "26w"], next.Select(v => v.TimePoint));
        Assert.Equal(180, next.Single(v => v.TimePoint == "26w").CompletedDay);
    }

    [Fact]
    public void ApplyProtocol_SameProtocol_VisitsUnchanged()
    {
        var current = Planned(new Dictionary<string, int> { ["6w"] = 40 });

        Assert.Equal(current, FollowUpScheduler.ApplyProtocol(Original, current));
    }

    [Fact]
    public void Fingerprint_WindowOrLeadChanged_Differs()
    {
        Assert.NotEqual(Original.Fingerprint, Changed.Fingerprint);
        Assert.NotEqual(Original.Fingerprint, new FollowUpProtocol { UpcomingLeadDays = 7 }.Fingerprint);
        Assert.Equal(Original.Fingerprint, new FollowUpProtocol().Fingerprint);
    }
}
