using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Domain.Tests.FollowUp;

/// <summary>
/// Every state of every default time point on the right day: upcoming 14 days before the
/// window opens, due when it opens, overdue the day after the target, missed the day after
/// it closes; completed from the day the visit took place; not required after a death
/// before the window.
/// </summary>
public sealed class ScheduledVisitStateTests
{
    private static readonly DateOnly Index = new(2026, 1, 5);

    /// <summary>Default protocol time points: code, target day, days before, days after (clinical-instruments.md).</summary>
    public static TheoryData<string, int, int, int> TimePoints => new()
    {
        { "6w", 42, 14, 14 },
        { "12w", 84, 21, 21 },
        { "26w", 182, 28, 28 },
        { "52w", 364, 42, 42 },
    };

    private static ScheduledVisit Visit(string code, FollowUpProtocol? protocol = null) =>
        FollowUpScheduler.Update("S01", "S01-0001", protocol ?? new FollowUpProtocol(), [], new PatientScheduleUpdate(Index, new Dictionary<string, int>(), null))
            .Single(v => v.TimePoint == code);

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void StateOn_EveryDayOfTheYear_ChangesExactlyOnTheTransitionDays(string code, int target, int before, int after)
    {
        var visit = Visit(code);
        var upcoming = Index.AddDays(target - before - 14);
        var due = Index.AddDays(target - before);
        var overdue = Index.AddDays(target + 1);
        var missed = Index.AddDays(target + after + 1);

        for (var day = Index; day <= Index.AddDays(450); day = day.AddDays(1))
        {
            var expected = day < upcoming ? VisitState.Scheduled
                : day < due ? VisitState.Upcoming
                : day < overdue ? VisitState.Due
                : day < missed ? VisitState.Overdue
                : VisitState.Missed;
            Assert.True(expected == visit.StateOn(day), $"{code} on {day:yyyy-MM-dd}: expected {expected}, was {visit.StateOn(day)}");
        }
    }

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void CalendarTransitions_DefaultProtocol_TheFourDaysTheStateChanges(string code, int target, int before, int after)
    {
        var visit = Visit(code);

        Assert.Equal(
            [
                (Index.AddDays(target - before - 14), VisitState.Upcoming),
                (Index.AddDays(target - before), VisitState.Due),
                (Index.AddDays(target + 1), VisitState.Overdue),
                (Index.AddDays(target + after + 1), VisitState.Missed),
            ],
            visit.CalendarTransitions());
        foreach (var (day, state) in visit.CalendarTransitions())
        {
            Assert.Equal(state, visit.StateOn(day));
            Assert.NotEqual(state, visit.StateOn(day.AddDays(-1)));
        }
    }

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void StateOn_VisitReceivedInWindow_CompletedFromTheVisitDayOn(string code, int target, int before, int after)
    {
        var visit = Visit(code) with { CompletedDay = target + 3 };

        Assert.Equal(VisitState.Overdue, visit.StateOn(Index.AddDays(target + 2)));
        Assert.Equal(VisitState.Completed, visit.StateOn(Index.AddDays(target + 3)));
        Assert.Equal(VisitState.Completed, visit.StateOn(Index.AddDays(target + after + 100)));
        Assert.False(visit.CompletedOutsideWindow);
        Assert.Equal(VisitState.Due, visit.StateOn(Index.AddDays(target - before)));
    }

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void CompletedOutsideWindow_VisitDayAgainstWindowEdges_FlaggedOnlyOutside(string code, int target, int before, int after)
    {
        var visit = Visit(code);

        Assert.True((visit with { CompletedDay = target - before - 1 }).CompletedOutsideWindow);
        Assert.False((visit with { CompletedDay = target - before }).CompletedOutsideWindow);
        Assert.False((visit with { CompletedDay = target + after }).CompletedOutsideWindow);
        Assert.True((visit with { CompletedDay = target + after + 1 }).CompletedOutsideWindow);
    }

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void StateOn_DeathBeforeWindowOpens_NotRequiredFromTheDeathOn(string code, int target, int before, int after)
    {
        var deathDay = target - before - 1;
        var visit = Visit(code) with { DeathDay = deathDay };

        Assert.Equal(VisitState.NotRequired, visit.StateOn(Index.AddDays(deathDay)));
        Assert.Equal(VisitState.NotRequired, visit.StateOn(Index.AddDays(target + after + 1)));
        Assert.NotEqual(VisitState.NotRequired, visit.StateOn(Index.AddDays(deathDay - 1)));
    }

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void StateOn_DeathAfterWindowOpened_VisitStillMissedWithoutData(string code, int target, int before, int after)
    {
        var visit = Visit(code) with { DeathDay = target - before };

        Assert.Equal(VisitState.Due, visit.StateOn(Index.AddDays(target - before)));
        Assert.Equal(VisitState.Missed, visit.StateOn(Index.AddDays(target + after + 1)));
    }

    [Theory]
    [MemberData(nameof(TimePoints))]
    public void CalendarTransitionsFrom_AnyDayCompletedOrDeceased_ExactlyTheLaterDaysTheStateReallyChanges(string code, int target, int before, int after)
    {
        var plain = Visit(code);
        ScheduledVisit[] variants =
        [
            plain,
            plain with { CompletedDay = target - before - 20 }, // received before the upcoming notice
            plain with { CompletedDay = target },
            plain with { CompletedDay = target + after + 10 }, // received late
            plain with { DeathDay = target - before - 3 }, // died before the window: not required
            plain with { DeathDay = target }, // died inside the window: its fate follows the calendar
        ];

        foreach (var visit in variants)
        {
            for (var from = Index.AddDays(-1); from <= Index.AddDays(target + after + 3); from = from.AddDays(1))
            {
                // A transition counts when that day's state is its state and differs from the day before's.
                var expected = visit.CalendarTransitions()
                    .Where(t => t.Day >= from && visit.StateOn(t.Day) == t.State && visit.StateOn(t.Day.AddDays(-1)) != t.State)
                    .ToList();
                Assert.Equal(expected, visit.CalendarTransitionsFrom(from));
            }
        }

        Assert.Equal(plain.CalendarTransitions(), plain.CalendarTransitionsFrom(Index));
        Assert.Empty((plain with { CompletedDay = target - before - 20 }).CalendarTransitionsFrom(Index));
    }

    [Fact]
    public void StateOn_ConfiguredLeadTime_UpcomingThatManyDaysAhead()
    {
        var visit = Visit("12w", new FollowUpProtocol { UpcomingLeadDays = 7 });

        Assert.Equal(VisitState.Scheduled, visit.StateOn(Index.AddDays(84 - 21 - 8)));
        Assert.Equal(VisitState.Upcoming, visit.StateOn(Index.AddDays(84 - 21 - 7)));
    }
}
