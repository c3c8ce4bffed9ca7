using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Schedule;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Schedule;

[Collection(AzuriteCollection.Name)]
public sealed class TableReminderLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Watermark_BeforeAndAfterSweeps_NullThenLatestWithItsFirstDay()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableReminderLog(context.Clients);

        Assert.Null(await log.GetWatermarkAsync());
        await log.SetWatermarkAsync(new SweepWatermark(new DateOnly(2026, 3, 1), null));
        Assert.Equal(new SweepWatermark(new DateOnly(2026, 3, 1), null), await log.GetWatermarkAsync());
        await log.SetWatermarkAsync(new SweepWatermark(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 2)));

        Assert.Equal(new SweepWatermark(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 2)), await log.GetWatermarkAsync());
        Assert.Single(await context.RowsAsync(RegistryTables.ReminderLog));
    }

    [Fact]
    public async Task Watermark_WholeScheduleAfterIndexSweep_FirstDayCleared()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableReminderLog(context.Clients);

        await log.SetWatermarkAsync(new SweepWatermark(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 2)));
        await log.SetWatermarkAsync(new SweepWatermark(new DateOnly(2026, 3, 5), null));

        Assert.Equal(new SweepWatermark(new DateOnly(2026, 3, 5), null), await log.GetWatermarkAsync());
    }

    [Fact]
    public async Task AppliedProtocol_BeforeAndAfter_NullThenLatestBesideTheWatermark()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableReminderLog(context.Clients);

        Assert.Null(await log.GetAppliedProtocolAsync());
        await log.SetWatermarkAsync(new SweepWatermark(new DateOnly(2026, 3, 4), null));
        await log.SetAppliedProtocolAsync("aaaaaaaaaaaa");
        await log.SetAppliedProtocolAsync("bbbbbbbbbbbb");

        Assert.Equal("bbbbbbbbbbbb", await log.GetAppliedProtocolAsync());
        Assert.Equal(new DateOnly(2026, 3, 4), (await log.GetWatermarkAsync())!.LastDay);
        Assert.Equal(2, (await context.RowsAsync(RegistryTables.ReminderLog)).Count);
    }

    [Fact]
    public async Task RecordNoticeAsync_ReplacesPreviousNoticeOfThatVisitOnly()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableReminderLog(context.Clients);

        await log.RecordNoticeAsync("S01", "S01-0001", "12w", new ReminderNotice(VisitState.Upcoming, new DateOnly(2026, 3, 1)));
        await log.RecordNoticeAsync("S01", "S01-0001", "12w", new ReminderNotice(VisitState.Due, new DateOnly(2026, 3, 15)));
        await log.RecordNoticeAsync("S01", "S01-0001", "12w", new ReminderNotice(VisitState.Due, new DateOnly(2026, 3, 15)));
        await log.RecordNoticeAsync("S01", "S01-0001", "6w", new ReminderNotice(VisitState.Missed, new DateOnly(2026, 2, 1)));

        Assert.Equal(new ReminderNotice(VisitState.Due, new DateOnly(2026, 3, 15)), await log.GetLastNoticeAsync("S01", "S01-0001", "12w"));
        Assert.Equal(new ReminderNotice(VisitState.Missed, new DateOnly(2026, 2, 1)), await log.GetLastNoticeAsync("S01", "S01-0001", "6w"));
        Assert.Null(await log.GetLastNoticeAsync("S02", "S01-0001", "12w"));
        Assert.Equal(2, (await context.RowsAsync(RegistryTables.ReminderLog)).Count);
    }

    [Fact]
    public async Task Watermark_SiteNamedLikeItsPartition_DoesNotCollide()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableReminderLog(context.Clients);

        await log.SetWatermarkAsync(new SweepWatermark(new DateOnly(2026, 3, 2), null));
        await log.SetAppliedProtocolAsync("aaaaaaaaaaaa");
        await log.RecordNoticeAsync("sweep", "last-swept-day", "x", new ReminderNotice(VisitState.Due, new DateOnly(2026, 1, 1)));
        await log.RecordNoticeAsync("sweep", "applied-protocol", "x", new ReminderNotice(VisitState.Due, new DateOnly(2026, 1, 1)));

        Assert.Equal(new DateOnly(2026, 3, 2), (await log.GetWatermarkAsync())!.LastDay);
        Assert.Equal("aaaaaaaaaaaa", await log.GetAppliedProtocolAsync());
    }
}
