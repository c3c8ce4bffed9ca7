using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>
/// A sweep that did not run for three days reads the three missed index days too and tells
/// each site only each visit's state as of the day it runs, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatchUpTests(AzuriteFixture azurite)
{
    private static readonly DateOnly A = new(2026, 3, 3);

    // A narrow 6w window so several states pass within the three missed days:
    // upcoming day 38, due 40, overdue 43, missed 45.
    private static void NarrowWindow(Domain.Configuration.RegistrySettings settings) =>
        settings.FollowUp = new FollowUpProtocol { UpcomingLeadDays = 2, TimePoints = [new("6w", 42, 2, 2)] };

    [Fact]
    public async Task RunAsync_ThreeDaysMissed_OnlyCurrentStatesAnnouncedOnce()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, A.AddDays(-1), NarrowWindow);
        await world.SweepAsync(A.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-38), A.AddDays(-1)); // upcoming A, due A+2
        await world.EnrollAsync("S01", "S01-0002", A.AddDays(-37), A.AddDays(-1)); // upcoming A+1, due A+3
        await world.EnrollAsync("S01", "S01-0003", A.AddDays(-43), A.AddDays(-1)); // overdue A, missed A+2
        await world.EnrollAsync("S01", "S01-0004", A.AddDays(-35), A.AddDays(-1)); // upcoming A+3
        await world.EnrollAsync("S02", "S02-0001", A.AddDays(-37), A.AddDays(-1)); // upcoming A+1, visit on day 40 (A+3)

        var onA = await world.SweepAsync(A);
        await world.ReceiveVisitAsync("S02", "S02-0001", "6w", 40, A.AddDays(3)); // uploaded while the sweep was down
        var caughtUp = await world.SweepAsync(A.AddDays(4));
        var nextDay = await world.SweepAsync(A.AddDays(5));

        Assert.Equal(
            ["S01-0001 Upcoming", "S01-0003 Overdue"],
            (await world.DigestAsync("S01", A))!.Reminders.Select(r => $"{r.StudyId} {r.State}").Order());
        Assert.Equal(2, onA.NewNotices);

        Assert.Equal(SweepMode.DateIndex, caughtUp.Mode);
        Assert.Equal(A.AddDays(1), caughtUp.FirstDayRead);
        Assert.Equal(4, caughtUp.DaysRead);
        Assert.Equal(
            ["S01-0001 Due", "S01-0002 Due", "S01-0003 Missed", "S01-0004 Upcoming"],
            (await world.DigestAsync("S01", A.AddDays(4)))!.Reminders.Select(r => $"{r.StudyId} {r.State}").Order());
        Assert.Empty((await world.DigestAsync("S02", A.AddDays(4)))!.Reminders);
        for (var missed = A.AddDays(1); missed < A.AddDays(4); missed = missed.AddDays(1))
        {
            Assert.Null(await world.DigestAsync("S01", missed));
        }

        // The next day only what changed that day: 0001 became overdue (day 43), 0004 due (day 40).
        Assert.Equal(["S01-0001 Overdue", "S01-0004 Due"], (await world.DigestAsync("S01", A.AddDays(5)))!.Reminders.Select(r => $"{r.StudyId} {r.State}").Order());
        Assert.Equal(1, nextDay.DaysRead);
    }

    [Fact]
    public async Task RunAsync_OldEnrollmentsArrivedWhileTheSweepWasDown_EachAnnouncedAsOfTheSweepDayOnce()
    {
        // The schedule indexes a batch's transitions from its arrival day only: those before it
        // reach the sweep through the batch's review marks. A sweep catching up over those
        // earlier days must still tell the site every visit it would have been told of.
        var world = await FollowUpWorld.CreateAsync(azurite, A.AddDays(-5), NarrowWindow);
        await world.SweepAsync(A.AddDays(-5));
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-38), A); // upcoming A, due A+2
        await world.EnrollAsync("S01", "S01-0002", A.AddDays(-41), A); // upcoming A-3, due A-1, overdue A+2
        await world.EnrollAsync("S01", "S01-0003", A.AddDays(-46), A); // due A-6, overdue A-3, missed A-1
        await world.EnrollAsync("S01", "S01-0004", A.AddDays(-44), A); // its 6w visit arrives with it:
        await world.ReceiveVisitAsync("S01", "S01-0004", "6w", 41, A); // completed in the window

        var caughtUp = await world.SweepAsync(A.AddDays(1));
        var nextDay = await world.SweepAsync(A.AddDays(2));

        Assert.Equal(A.AddDays(-4), caughtUp.FirstDayRead);
        Assert.Equal(
            ["S01-0001 Upcoming", "S01-0002 Due", "S01-0003 Missed"],
            (await world.DigestAsync("S01", A.AddDays(1)))!.Reminders.Select(r => $"{r.StudyId} {r.State}").Order());
        Assert.Equal(
            ["S01-0001 Due", "S01-0002 Overdue"],
            (await world.DigestAsync("S01", A.AddDays(2)))!.Reminders.Select(r => $"{r.StudyId} {r.State}").Order());
        Assert.Equal(2, nextDay.NewNotices);
    }
}
