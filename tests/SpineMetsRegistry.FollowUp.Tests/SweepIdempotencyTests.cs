using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>
/// Running the sweep twice for a day sends nothing twice and regenerates the same digest; a
/// sweep that crashed half-way loses nothing, whether the same day is rerun or the next day
/// runs instead.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepIdempotencyTests(AzuriteFixture azurite)
{
    private static readonly DateOnly A = new(2026, 3, 2);

    /// <summary>
    /// After an empty first sweep on A, a batch of older enrollments arrives on A: on A+1 the
    /// site S01 hears of 0001 6w due, 0002 6w overdue, 0003 6w missed and 12w overdue, S02 of
    /// 0001 6w upcoming; S02-0002 has nothing to tell yet.
    /// </summary>
    private static readonly Announcement[] ExpectedOnA1 =
    [
        new(A.AddDays(1), "S01", "S01-0001", "6w", VisitState.Due),
        new(A.AddDays(1), "S01", "S01-0002", "6w", VisitState.Overdue),
        new(A.AddDays(1), "S01", "S01-0003", "12w", VisitState.Overdue),
        new(A.AddDays(1), "S01", "S01-0003", "6w", VisitState.Missed),
        new(A.AddDays(1), "S02", "S02-0001", "6w", VisitState.Upcoming),
    ];

    private async Task<FollowUpWorld> SetUpAsync()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, A);
        await world.SweepAsync(A);
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-30), A);
        await world.EnrollAsync("S01", "S01-0002", A.AddDays(-45), A);
        await world.EnrollAsync("S01", "S01-0003", A.AddDays(-100), A);
        await world.EnrollAsync("S02", "S02-0001", A.AddDays(-20), A);
        await world.EnrollAsync("S02", "S02-0002", A.AddDays(-10), A);
        return world;
    }

    private static async Task<List<Announcement>> SentAsync(FollowUpWorld world, DateOnly day)
    {
        var sent = new List<Announcement>();
        foreach (var site in world.Sites)
        {
            if (await world.DigestAsync(site, day) is { } digest)
            {
                sent.AddRange(Announcement.Of(digest));
            }
        }

        return [.. sent.OrderBy(a => a.Site).ThenBy(a => a.StudyId).ThenBy(a => a.TimePoint)];
    }

    [Fact]
    public async Task RunAsync_SameDayTwice_SecondRunSendsNothingAndDigestsIdentical()
    {
        var world = await SetUpAsync();
        var first = await world.SweepAsync(A.AddDays(1));
        var bytes = await Task.WhenAll(world.Sites.SelectMany(s => new[] { world.BlobAsync(s, "2026-03-03.json"), world.BlobAsync(s, "2026-03-03.csv") }));
        var etags = await Task.WhenAll(world.Sites.Select(async s => (await world.Landing.GetAsync(s, LandingArea.Reminders, "2026-03-03.json"))!.ETag));
        var audited = (await world.AuditOfDayAsync(A.AddDays(1))).Count(e => e.Action == "reminders.send");

        world.Clock.Advance(TimeSpan.FromHours(3));
        var second = await world.NewSweep().RunAsync(A.AddDays(1));

        Assert.Equal(5, first.NewNotices);
        Assert.All(first.Digests, d => Assert.True(d.Written));
        Assert.Equal(0, second.NewNotices);
        Assert.Equal(5, second.Reminders);
        Assert.All(second.Digests, d => Assert.False(d.Written));
        Assert.Equal(bytes, await Task.WhenAll(world.Sites.SelectMany(s => new[] { world.BlobAsync(s, "2026-03-03.json"), world.BlobAsync(s, "2026-03-03.csv") })));
        Assert.Equal(etags, await Task.WhenAll(world.Sites.Select(async s => (await world.Landing.GetAsync(s, LandingArea.Reminders, "2026-03-03.json"))!.ETag)));
        Assert.Equal(2, audited);
        Assert.Equal(2, (await world.AuditOfDayAsync(A.AddDays(1))).Count(e => e.Action == "reminders.send"));
        Assert.Equal(ExpectedOnA1, await SentAsync(world, A.AddDays(1)));
    }

    [Fact]
    public async Task RunAsync_NextDayAfterASweptDay_NothingAnnouncedTwice()
    {
        var world = await SetUpAsync();
        await world.SweepAsync(A.AddDays(1));

        var next = await world.SweepAsync(A.AddDays(2));

        Assert.Equal(0, next.Reminders);
        Assert.Empty(await SentAsync(world, A.AddDays(2)));
    }

    [Fact]
    public async Task RunAsync_CrashedWhileRecordingNotices_RerunOfTheDayCompletesTheSameDigest()
    {
        var world = await SetUpAsync();
        world.MoveTo(A.AddDays(1), FollowUpWorld.SweepTime);
        using (var crashing = world.NewSweep(log: new CrashingReminderLog(world.Log, succeeding: 2)))
        {
            await Assert.ThrowsAnyAsync<IOException>(() => crashing.RunAsync(A.AddDays(1)));
        }

        var rerun = await world.SweepAsync(A.AddDays(1));

        Assert.Equal(ExpectedOnA1, await SentAsync(world, A.AddDays(1)));
        Assert.Equal(3, rerun.NewNotices);
        Assert.All(rerun.Digests, d => Assert.False(d.Written));
        Assert.Equal(0, (await world.SweepAsync(A.AddDays(2))).Reminders);
    }

    [Fact]
    public async Task RunAsync_CrashedWhileWritingOneSitesDigest_RerunWritesItAndSendsTheOtherNothingNew()
    {
        var world = await SetUpAsync();
        world.MoveTo(A.AddDays(1), FollowUpWorld.SweepTime);
        using (var crashing = world.NewSweep(landing: new CrashingLandingBlobs(world.Landing, "S02")))
        {
            await Assert.ThrowsAnyAsync<IOException>(() => crashing.RunAsync(A.AddDays(1)));
        }

        Assert.Null(await world.DigestAsync("S02", A.AddDays(1)));
        var rerun = await world.SweepAsync(A.AddDays(1));

        Assert.Equal(ExpectedOnA1, await SentAsync(world, A.AddDays(1)));
        Assert.False(rerun.Digests.Single(d => d.Site == "S01").Written);
        Assert.True(rerun.Digests.Single(d => d.Site == "S02").Written);
        Assert.Equal(5, rerun.NewNotices);
    }

    [Fact]
    public async Task RunAsync_CrashedThenNextDayRunsInstead_NothingLostOnlyUnrecordedOnesRepeated()
    {
        var world = await SetUpAsync();
        world.MoveTo(A.AddDays(1), FollowUpWorld.SweepTime);
        using (var crashing = world.NewSweep(log: new CrashingReminderLog(world.Log, succeeding: 2)))
        {
            await Assert.ThrowsAnyAsync<IOException>(() => crashing.RunAsync(A.AddDays(1)));
        }

        var next = await world.SweepAsync(A.AddDays(2));

        // The day's digest was written whole before the crash; the three visits whose notice was
        // not recorded are told again the next day (at least once), the two recorded are not.
        Assert.Equal(ExpectedOnA1, await SentAsync(world, A.AddDays(1)));
        var repeated = await SentAsync(world, A.AddDays(2));
        Assert.Equal(3, repeated.Count);
        Assert.Equal(3, next.NewNotices);
        Assert.Subset(ExpectedOnA1.Select(a => (a.StudyId, a.TimePoint, a.State)).ToHashSet(), repeated.Select(a => (a.StudyId, a.TimePoint, a.State)).ToHashSet());
        Assert.Equal(2, next.DaysRead);
    }

    [Fact]
    public async Task RunAsync_DayBeforeTheWatermark_RefusedNothingWritten()
    {
        var world = await SetUpAsync();
        await world.SweepAsync(A.AddDays(3));

        var late = await world.NewSweep().RunAsync(A.AddDays(1));

        Assert.Equal(Pipeline.FollowUp.SweepMode.AlreadySwept, late.Mode);
        Assert.Null(await world.DigestAsync("S01", A.AddDays(1)));
        Assert.Equal(A.AddDays(3), (await world.Log.GetWatermarkAsync())!.LastDay);
    }
}
