using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Storage.Audit;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Audit;

[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadDayAsync_EntriesOfSeveralDays_OnlyThatDayInTimeOrder()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableAuditLog(context.Clients);
        var late = Entry(Morning.AddHours(9), "store");
        var early = Entry(Morning, "upload");
        var nextDay = Entry(Morning.AddDays(1), "export");

        // 23:30 at UTC-5 is already the next UTC day.
        var offset = Entry(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-5)), "withdraw");
        foreach (var entry in new[] { late, nextDay, early, offset })
        {
            await log.AppendAsync(entry);
        }

        var day = await log.ReadDayAsync(new DateOnly(2026, 3, 2)).ToListAsync();

        Assert.Equal(["withdraw", "upload", "store"], day.Select(e => e.Action));
        Assert.Equal(early, day[1]);
        Assert.Equal([nextDay], await log.ReadDayAsync(new DateOnly(2026, 3, 3)).ToListAsync());
    }

    [Fact]
    public async Task AppendAsync_SameIdempotencyKeyTwice_OneEntry()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableAuditLog(context.Clients);
        var entry = Entry(Morning, "store");

        await log.AppendAsync(entry, "store:S01/visits-1@0123456789ab");
        await log.AppendAsync(entry, "store:S01/visits-1@0123456789ab");

        Assert.Equal([entry], await log.ReadDayAsync(DateOnly.FromDateTime(Morning.UtcDateTime)).ToListAsync());
    }

    [Fact]
    public async Task AppendAsync_SameKeyRetriedLaterWithAnotherTime_FirstEntryKeptOnly()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableAuditLog(context.Clients);
        var first = Entry(Morning, "reminders.send");

        await log.AppendAsync(first, "reminders:2026-03-02");
        await log.AppendAsync(Entry(Morning.AddDays(1), "reminders.send") with { Detail = "retried" }, "reminders:2026-03-02");

        Assert.Equal([first], await log.ReadDayAsync(new DateOnly(2026, 3, 2)).ToListAsync());
        Assert.Empty(await log.ReadDayAsync(new DateOnly(2026, 3, 3)).ToListAsync());
        Assert.Single(await context.RowsAsync(RegistryTables.Audit));
    }

    [Fact]
    public async Task AppendAsync_NoKeyOrDifferentKeys_EachAppended()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableAuditLog(context.Clients);
        var entry = Entry(Morning, "report.read");

        await log.AppendAsync(entry);
        await log.AppendAsync(entry);
        await log.AppendAsync(entry, "a");
        await log.AppendAsync(entry, "b");

        Assert.Equal(4, await log.ReadDayAsync(new DateOnly(2026, 3, 2)).CountAsync());
    }

    [Fact]
    public async Task AppendAsync_ReservationWithoutEntry_RetryWritesTheEntry()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var log = new TableAuditLog(context.Clients);
        var entry = Entry(Morning, "store");
        await log.AppendAsync(entry, "k");

        // Simulate a crash between reserving the key and writing the entry: remove the entry.
        var row = Assert.Single(await context.RowsAsync(RegistryTables.Audit));
        await context.RawTable(RegistryTables.Audit).DeleteEntityAsync(row.PartitionKey, row.RowKey);

        await log.AppendAsync(entry with { At = Morning.AddMinutes(5) }, "k");

        Assert.Equal([entry with { At = Morning.AddMinutes(5) }], await log.ReadDayAsync(new DateOnly(2026, 3, 2)).ToListAsync());
        Assert.Equal(row.RowKey, Assert.Single(await context.RowsAsync(RegistryTables.Audit)).RowKey);
    }

    private static AuditEntry Entry(DateTimeOffset at, string action) => new(at, "registry", action, "S01/visits-1@0123456789ab", "ok", "120 records");
}
