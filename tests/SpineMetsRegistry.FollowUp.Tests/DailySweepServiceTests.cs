using Microsoft.Extensions.Logging.Abstractions;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.LocalHost.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>The local host's daily job, driven by a fake clock, against the real sweep on real storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DailySweepServiceTests(AzuriteFixture azurite)
{
    private static readonly DateOnly D = new(2026, 5, 4);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("2026-05-04T05:00:00Z", null, "2026-05-04T06:00:00Z")]       // first start before the sweep time: today at 06:00
    [InlineData("2026-05-04T09:30:00Z", null, "2026-05-04T09:30:00Z")]       // started late, never swept: at once
    [InlineData("2026-05-04T09:30:00Z", "2026-05-01", "2026-05-04T09:30:00Z")] // down for days: at once (the sweep catches up)
    [InlineData("2026-05-04T05:00:00Z", "2026-05-03", "2026-05-04T06:00:00Z")]
    [InlineData("2026-05-04T09:30:00Z", "2026-05-04", "2026-05-05T06:00:00Z")] // today done: tomorrow
    [InlineData("2026-05-04T09:30:00Z", "2026-05-20", "2026-05-21T06:00:00Z")] // swept ahead (as-of a later day): after that day
    public void NextRun_LastSweptDayAndClock_WhenTheNextSweepRuns(string now, string? lastSwept, string expected)
    {
        var next = DailySweepSchedule.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(6, 0),
            lastSwept is null ? null : DateOnly.Parse(lastSwept, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public async Task ExecuteAsync_FakeClockOverThreeDays_SweepsEachDayAtTheConfiguredTime()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D);
        world.Clock.SetUtcNow(new DateTimeOffset(D.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero));
        var gate = new StartupSweepGate();
        gate.Open();
        using var service = Service(world, gate);
        await service.StartAsync(CancellationToken.None);

        await Task.Delay(200);
        Assert.Null(await world.Log.GetWatermarkAsync());

        world.Clock.Advance(TimeSpan.FromHours(1)); // 05:00: still too early
        await Task.Delay(200);
        Assert.Null(await world.Log.GetWatermarkAsync());

        world.Clock.Advance(TimeSpan.FromHours(1)); // 06:00
        await WatermarkAsync(world, D);
        world.Clock.Advance(TimeSpan.FromDays(1));
        await WatermarkAsync(world, D.AddDays(1));
        world.Clock.Advance(TimeSpan.FromDays(1));
        await WatermarkAsync(world, D.AddDays(2));

        await service.StopAsync(CancellationToken.None);
        Assert.NotNull(await world.DigestAsync("S01", D.AddDays(1)));
    }

    [Fact]
    public async Task ExecuteAsync_HostWasDownThreeDays_CatchesUpAtOnceOnStart()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D);
        await world.SweepAsync(D);
        world.Clock.SetUtcNow(new DateTimeOffset(D.AddDays(4).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));
        var gate = new StartupSweepGate();
        gate.Open();
        using var service = Service(world, gate);

        await service.StartAsync(CancellationToken.None);
        await WatermarkAsync(world, D.AddDays(4));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(new SweepWatermark(D.AddDays(4), D.AddDays(1)), await world.Log.GetWatermarkAsync());
    }

    [Fact]
    public async Task ExecuteAsync_GateClosed_WaitsForTheStartupSweep()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D);
        world.Clock.SetUtcNow(new DateTimeOffset(D.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));
        var gate = new StartupSweepGate();
        using var service = Service(world, gate);
        await service.StartAsync(CancellationToken.None);

        await Task.Delay(300);
        Assert.Null(await world.Log.GetWatermarkAsync());

        // The start-up sweep as of an earlier day runs first; then the daily job catches up to today.
        using (var startup = world.NewSweep())
        {
            await startup.RunAsync(D.AddDays(-2));
        }

        gate.Open();
        await WatermarkAsync(world, D);
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(new SweepWatermark(D, D.AddDays(-1)), await world.Log.GetWatermarkAsync());
    }

    private static DailySweepService Service(FollowUpWorld world, StartupSweepGate gate) =>
        new(world.NewSweep(), world.Log, gate, world.Policies, world.Clock, NullLogger<DailySweepService>.Instance);

    private static async Task WatermarkAsync(FollowUpWorld world, DateOnly day)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await world.Log.GetWatermarkAsync())?.LastDay != day)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No sweep as of {day:yyyy-MM-dd} within {Patience.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
