using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>
/// A protocol change mid-study applies to the visits not yet completed: they move to the
/// new windows (and the site hears about their new state), while a completed visit keeps the
/// window it was completed in, so its "outside window" flag never changes after the fact.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProtocolChangeTests(AzuriteFixture azurite)
{
    private static readonly DateOnly D0 = new(2026, 4, 7);

    // The new protocol: 6w window narrowed to +/- 7 days; 52w dropped.
    private static readonly FollowUpProtocol Narrowed = new()
    {
        TimePoints = [new("6w", 42, 7, 7), new("12w", 84, 21, 21), new("26w", 182, 28, 28)],
    };

    [Fact]
    public async Task Sweep_ProtocolChangedMidStudy_OpenVisitsMoveCompletedKeepWindowDroppedRemoved()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D0.AddDays(-1));
        var i1 = D0.AddDays(-30); // 6w due on D0 (day 30 of 28-56)
        var i2 = D0.AddDays(-50); // 6w received on day 30: inside the old window, outside the new one
        await world.SweepAsync(D0.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", i1, D0.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0002", i2, D0.AddDays(-1));
        await world.ReceiveVisitAsync("S01", "S01-0002", "6w", 30, D0.AddDays(-1));
        var oldFingerprint = world.Policies.Protocol.Fingerprint;
        var before = await world.Schedule.GetAsync("S01", "S01-0001", "6w");

        await world.SweepAsync(D0);
        world.Reconfigure(s => s.FollowUp = Narrowed);
        var changeDay = await world.SweepAsync(D0.AddDays(1));

        // Re-plan: every visit not completed moved (new fingerprint), the two 52w visits dropped.
        Assert.NotNull(changeDay.Replan);
        Assert.Equal(2, changeDay.Replan.PatientsRead);
        Assert.Equal(8, changeDay.Replan.VisitsRead);
        Assert.Equal(5, changeDay.Replan.VisitsMoved);
        Assert.Equal(2, changeDay.Replan.VisitsDropped);
        Assert.Null(await world.Schedule.GetAsync("S01", "S01-0001", "52w"));
        Assert.Null(await world.Schedule.GetAsync("S01", "S01-0002", "52w"));
        Assert.Equal(Narrowed.Fingerprint, await world.Log.GetAppliedProtocolAsync());

        var moved = await world.Schedule.GetAsync("S01", "S01-0001", "6w");
        Assert.Equal((7, 7, Narrowed.Fingerprint), (moved!.WindowBeforeDays, moved.WindowAfterDays, moved.ProtocolFingerprint));
        var completed = await world.Schedule.GetAsync("S01", "S01-0002", "6w");
        Assert.Equal((14, 14, oldFingerprint, false), (completed!.WindowBeforeDays, completed.WindowAfterDays, completed.ProtocolFingerprint, completed.CompletedOutsideWindow));

        // The index follows: the old window's days no longer list the moved visit, the new ones do.
        Assert.DoesNotContain(await world.Schedule.ReadDayAsync(before!.WindowCloses.AddDays(1)).ToListAsync(), e => e.StudyId == "S01-0001" && e.TimePoint == "6w");
        Assert.Contains(await world.Schedule.ReadDayAsync(moved.WindowCloses.AddDays(1)).ToListAsync(), e => e.StudyId == "S01-0001" && e.TimePoint == "6w" && e.State == VisitState.Missed);

        // The site hears that 0001's 6w visit is no longer due but upcoming (its window now opens on day 35).
        Assert.Equal(["S01-0001 6w Due", "S01-0002 12w Upcoming"], (await world.DigestAsync("S01", D0))!.Reminders.Select(r => $"{r.StudyId} {r.TimePoint} {r.State}").Order());
        Assert.Equal(["S01-0001 6w Upcoming"], (await world.DigestAsync("S01", D0.AddDays(1)))!.Reminders.Select(r => $"{r.StudyId} {r.TimePoint} {r.State}"));

        // Then the new protocol's days: due on day 35, overdue on 43, missed on 50; nothing on the old days.
        var sent = new List<Announcement>();
        for (var day = D0.AddDays(2); day <= D0.AddDays(40); day = day.AddDays(1))
        {
            var result = await world.SweepAsync(day);
            Assert.Null(result.Replan);
            sent.AddRange(Announcement.Of((await world.DigestAsync("S01", day))!));
        }

        IEnumerable<Announcement> expected =
            [
                new Announcement(i1.AddDays(35), "S01", "S01-0001", "6w", VisitState.Due),
                new Announcement(i1.AddDays(43), "S01", "S01-0001", "6w", VisitState.Overdue),
                new Announcement(i1.AddDays(49), "S01", "S01-0001", "12w", VisitState.Upcoming),
                new Announcement(i1.AddDays(50), "S01", "S01-0001", "6w", VisitState.Missed),
                new Announcement(i2.AddDays(63), "S01", "S01-0002", "12w", VisitState.Due),
                new Announcement(i1.AddDays(63), "S01", "S01-0001", "12w", VisitState.Due),
                new Announcement(i2.AddDays(85), "S01", "S01-0002", "12w", VisitState.Overdue),
            ];
        Assert.Equal(
            expected.OrderBy(a => a.Day).ThenBy(a => a.StudyId).Select(a => a.ToString()),
            sent.OrderBy(a => a.Day).ThenBy(a => a.StudyId).Select(a => a.ToString()));
    }

    [Fact]
    public async Task Sweep_ChangeMovesAnAnnouncedVisitBackToScheduled_AnnouncedAgainWhenItComesBack()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D0.AddDays(-1));
        var index = D0.AddDays(-50); // 12w upcoming since day 49
        await world.SweepAsync(D0.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", index, D0.AddDays(-1));
        await world.SweepAsync(D0);

        // 12w moves to 14 weeks: upcoming again only from day 98 - 21 - 14 = 63.
        world.Reconfigure(s => s.FollowUp = new FollowUpProtocol
        {
            TimePoints = [new("6w", 42, 14, 14), new("12w", 98, 21, 21), new("26w", 182, 28, 28), new("52w", 364, 42, 42)],
        });
        var sent = new List<Announcement>();
        for (var day = D0.AddDays(1); day <= index.AddDays(80); day = day.AddDays(1))
        {
            await world.SweepAsync(day);
            sent.AddRange(Announcement.Of((await world.DigestAsync("S01", day))!).Where(a => a.TimePoint == "12w"));
        }

        Assert.Equal(["S01-0001 12w Upcoming"], (await world.DigestAsync("S01", D0))!.Reminders.Where(r => r.TimePoint == "12w").Select(r => $"{r.StudyId} {r.TimePoint} {r.State}"));
        Assert.Equal(
            [new Announcement(index.AddDays(63), "S01", "S01-0001", "12w", VisitState.Upcoming), new Announcement(index.AddDays(77), "S01", "S01-0001", "12w", VisitState.Due)],
            sent);
    }

    [Fact]
    public async Task Sweep_SameProtocolAfterRestart_NoReplan()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D0);
        await world.SweepAsync(D0);
        await world.EnrollAsync("S01", "S01-0001", D0.AddDays(-30), D0);

        world.Reconfigure(_ => { });
        var next = await world.SweepAsync(D0.AddDays(1));

        Assert.Null(next.Replan);
    }
}
