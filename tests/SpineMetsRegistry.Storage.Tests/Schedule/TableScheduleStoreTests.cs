using System.Globalization;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Schedule;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Schedule;

[Collection(AzuriteCollection.Name)]
public sealed class TableScheduleStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UpsertAsync_Visit_IndexRowsAreExactlyItsCalendarTransitions()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visit = Visit("S01-0001", "12w", new DateOnly(2026, 1, 5));

        await store.UpsertAsync([visit]);

        Assert.Equal(visit, await store.GetAsync("S01", "S01-0001", "12w"));
        var expected = visit.CalendarTransitions().Select(t => new ScheduleIndexEntry(t.Day, "S01", "S01-0001", "12w", t.State)).ToList();
        var indexed = new List<ScheduleIndexEntry>();
        foreach (var day in expected.Select(e => e.Day).Distinct())
        {
            indexed.AddRange(await store.ReadDayAsync(day).ToListAsync());
        }

        Assert.Equal(expected, indexed);
        Assert.Equal(4, (await context.RowsAsync(RegistryTables.ScheduleIndex)).Count);
    }

    [Fact]
    public async Task UpsertAsync_DatesMoved_OldDaysNoLongerListTheVisit()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var original = Visit("S01-0001", "12w", new DateOnly(2026, 1, 5));
        var other = Visit("S01-0002", "12w", new DateOnly(2026, 1, 5));
        await store.UpsertAsync([original, other]);

        // The site corrected the index date: every calendar transition moves by 10 days.
        var moved = original with { IndexDate = new DateOnly(2026, 1, 15) };
        await store.UpsertAsync([moved]);

        foreach (var (day, _) in original.CalendarTransitions())
        {
            var listed = await store.ReadDayAsync(day).ToListAsync();
            Assert.DoesNotContain(listed, e => e.StudyId == "S01-0001");
            Assert.Contains(listed, e => e.StudyId == "S01-0002");
        }

        foreach (var (day, state) in moved.CalendarTransitions())
        {
            Assert.Contains(new ScheduleIndexEntry(day, "S01", "S01-0001", "12w", state), await store.ReadDayAsync(day).ToListAsync());
        }

        Assert.Equal(8, (await context.RowsAsync(RegistryTables.ScheduleIndex)).Count);
        Assert.Equal(moved, await store.GetAsync("S01", "S01-0001", "12w"));
    }

    [Fact]
    public async Task UpsertAsync_Repeated_SameRowsNoDuplicates()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visits = new[] { Visit("S01-0001", "6w", new DateOnly(2026, 1, 5)), Visit("S01-0001", "12w", new DateOnly(2026, 1, 5)) };

        await store.UpsertAsync(visits);
        await store.UpsertAsync(visits);

        Assert.Equal(2, (await context.RowsAsync(RegistryTables.Schedule)).Count);
        Assert.Equal(8, (await context.RowsAsync(RegistryTables.ScheduleIndex)).Count);
    }

    [Fact]
    public async Task UpsertAsync_CompletedAndDeathRecorded_StoredAndReadBack()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visit = Visit("S01-0001", "12w", new DateOnly(2026, 1, 5)) with { CompletedDay = 80, DeathDay = 200 };

        await store.UpsertAsync([visit]);
        await store.UpsertAsync([visit with { CompletedDay = null }]);

        var read = await store.GetAsync("S01", "S01-0001", "12w");
        Assert.Null(read!.CompletedDay);
        Assert.Equal(200, read.DeathDay);
    }

    [Fact]
    public async Task DeletePatientAsync_RemovesThePatientsVisitsAndIndexRowsOnly()
    {
        var context = await StorageTestContext.CreateAsync(azurite, "S01", "S02");
        var store = new TableScheduleStore(context.Clients);
        var day0 = new DateOnly(2026, 1, 5);
        await store.UpsertAsync(
        [
            Visit("S01-0001", "6w", day0), Visit("S01-0001", "12w", day0),
            Visit("S01-00010", "6w", day0), Visit("S01-0001", "6w", day0, site: "S02"),
        ]);

        await store.DeletePatientAsync("S01", "S01-0001");
        await store.DeletePatientAsync("S01", "S01-0001");

        Assert.Empty(await store.GetPatientAsync("S01", "S01-0001"));
        Assert.Equal(["S01-00010"], await store.ListSiteAsync("S01").Select(v => v.StudyId).ToListAsync());
        Assert.Single(await store.GetPatientAsync("S02", "S01-0001"));
        var index = await context.RowsAsync(RegistryTables.ScheduleIndex);
        Assert.Equal(8, index.Count);
        Assert.DoesNotContain(index, r => r.GetString("Site") == "S01" && r.GetString("StudyId") == "S01-0001");
    }

    [Fact]
    public async Task GetPatientAsync_SeveralTimePoints_InKeyOrder()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var day0 = new DateOnly(2026, 1, 5);

        await store.UpsertAsync([Visit("S01-0001", "6w", day0), Visit("S01-0001", "12w", day0), Visit("S01-0001", "26w", day0)]);

        Assert.Equal(["12w", "26w", "6w"], (await store.GetPatientAsync("S01", "S01-0001")).Select(v => v.TimePoint));
    }

    [Fact]
    public async Task UpsertAsync_SameVisitTwiceInOneCall_Rejected()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visit = Visit("S01-0001", "6w", new DateOnly(2026, 1, 5));

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([visit, visit with { TargetDay = 50 }]));
        Assert.Empty(await context.RowsAsync(RegistryTables.ScheduleIndex));
    }

    [Fact]
    public async Task MarkForReviewAsync_TwoDays_ReviewEntriesBesideTheTransitionsOfThoseDays()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visit = Visit("S01-0001", "6w", new DateOnly(2026, 1, 5));
        var other = Visit("S01-0002", "6w", new DateOnly(2026, 1, 5));
        await store.UpsertAsync([visit, other]);

        // The day the 6w window opens (a Due transition of both visits) and the day after.
        var day = visit.WindowOpens;
        await store.MarkForReviewAsync([visit], [day, day.AddDays(1)]);
        await store.MarkForReviewAsync([visit], [day, day.AddDays(1)]);

        var first = await store.ReadDayAsync(day).ToListAsync();
        Assert.Equal(3, first.Count);
        Assert.Contains(new ScheduleIndexEntry(day, "S01", "S01-0001", "6w", VisitState.Due), first);
        Assert.Contains(new ScheduleIndexEntry(day, "S01", "S01-0002", "6w", VisitState.Due), first);
        Assert.Contains(new ScheduleIndexEntry(day, "S01", "S01-0001", "6w", VisitState.Due) { Review = true }, first);
        Assert.Equal([new ScheduleIndexEntry(day.AddDays(1), "S01", "S01-0001", "6w", VisitState.Due) { Review = true }], await store.ReadDayAsync(day.AddDays(1)).ToListAsync());
        Assert.Equal(8 + 2, (await context.RowsAsync(RegistryTables.ScheduleIndex)).Count);
    }

    [Fact]
    public async Task MarkForReviewAsync_ThenDatesMoved_ReviewEntryKeptTransitionsMoved()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visit = Visit("S01-0001", "6w", new DateOnly(2026, 1, 5));
        await store.UpsertAsync([visit]);
        var day = visit.WindowOpens;
        await store.MarkForReviewAsync([visit], [day]);

        await store.UpsertAsync([visit with { IndexDate = new DateOnly(2026, 1, 15) }]);

        Assert.Equal([new ScheduleIndexEntry(day, "S01", "S01-0001", "6w", VisitState.Due) { Review = true }], await store.ReadDayAsync(day).ToListAsync());
    }

    [Fact]
    public async Task MarkForReviewAsync_ManyVisitsOneDay_AllListedInThatPartition()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visits = Enumerable.Range(1, 250).Select(i => Visit($"S01-{i:D4}", "12w", new DateOnly(2025, 6, 1))).ToList();
        var day = new DateOnly(2026, 2, 1);

        await store.MarkForReviewAsync(visits, [day]);

        var listed = await store.ReadDayAsync(day).ToListAsync();
        Assert.Equal(250, listed.Count);
        Assert.All(listed, e => Assert.True(e.Review && e.State == VisitState.Missed));
    }

    [Fact]
    public async Task DeletePatientAsync_AfterReviewMarks_NoRowOfThePatientLeftAnywhere()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var withdrawn = Visit("S01-0001", "6w", new DateOnly(2026, 1, 5));
        var kept = Visit("S01-0002", "6w", new DateOnly(2026, 1, 5));
        await store.UpsertAsync([withdrawn, kept, withdrawn with { TimePoint = "12w", TargetDay = 84 }]);
        await store.MarkForReviewAsync([withdrawn, kept], [new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)]);

        await store.DeletePatientAsync("S01", "S01-0001");

        foreach (var table in new[] { RegistryTables.Schedule, RegistryTables.ScheduleIndex, RegistryTables.ScheduleReviews })
        {
            var rows = await context.RowsAsync(table);
            Assert.DoesNotContain(rows, r => r.Any(p => p.Value is string text && text.Contains("S01-0001", StringComparison.Ordinal)));
            Assert.Contains(rows, r => r.Any(p => p.Value is string text && text.Contains("S01-0002", StringComparison.Ordinal)));
        }

        Assert.Single(await store.ReadDayAsync(new DateOnly(2026, 3, 1)).ToListAsync());
    }

    [Fact]
    public async Task DeleteVisitsAsync_DroppedTimePoint_ItsReviewRowsGoTheOthersStay()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var sixWeeks = Visit("S01-0001", "6w", new DateOnly(2026, 1, 5));
        var twelveWeeks = sixWeeks with { TimePoint = "12w", TargetDay = 84 };
        await store.UpsertAsync([sixWeeks, twelveWeeks]);
        var day = new DateOnly(2026, 3, 1);
        await store.MarkForReviewAsync([sixWeeks, twelveWeeks], [day]);

        await store.DeleteVisitsAsync("S01", "S01-0001", ["12w"]);

        var listed = await store.ReadDayAsync(day).ToListAsync();
        Assert.Equal(["6w"], listed.Select(e => e.TimePoint));
        Assert.Single(await context.RowsAsync(RegistryTables.ScheduleReviews));
    }

    [Fact]
    public async Task ReadDayAsync_TransitionsOnEveryDayAcrossAMonthEnd_EachDayReadsExactlyItsOwn()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        // One patient per index date from 20 January to 10 February: their transitions fall on
        // neighbouring days of one month's partition and on both sides of a month's end.
        var visits = Enumerable.Range(0, 22)
            .Select(i => Visit("S01-" + i.ToString("D4", CultureInfo.InvariantCulture), "6w", new DateOnly(2026, 1, 20).AddDays(i)))
            .ToList();
        await store.UpsertAsync(visits);
        var marked = new DateOnly(2026, 2, 1);
        await store.MarkForReviewAsync(visits.Take(2).ToList(), [marked]);

        var expected = visits
            .SelectMany(v => v.CalendarTransitions().Select(t => new ScheduleIndexEntry(t.Day, v.Site, v.StudyId, v.TimePoint, t.State)))
            .Concat(visits.Take(2).Select(v => new ScheduleIndexEntry(marked, v.Site, v.StudyId, v.TimePoint, v.StateOn(marked)) { Review = true }))
            .ToList();
        foreach (var day in expected.Select(e => e.Day).Append(marked).Distinct())
        {
            var read = await store.ReadDayAsync(day).ToListAsync();
            Assert.Equal(expected.Where(e => e.Day == day).OrderBy(e => e.ToString(), StringComparer.Ordinal), read.OrderBy(e => e.ToString(), StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task UpsertAsync_IndexFrom_OnlyLaterTransitionsThatChangeTheStateAndCompletionRemovesTheRest()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var visit = Visit("S01-0001", "12w", new DateOnly(2026, 1, 5)); // upcoming 3 Mar, due 17 Mar, overdue 30 Mar, missed 20 Apr
        var arrival = new DateOnly(2026, 3, 20);

        await store.UpsertAsync([visit], [], arrival);

        Assert.Equal(
            visit.CalendarTransitions().Where(t => t.Day >= arrival).Select(t => $"{t.Day:yyyy-MM-dd} {t.State}"),
            await IndexedAsync(context, store, visit));

        // The visit arrives (day 80, 26 March): from then on the calendar changes nothing.
        var completed = visit with { CompletedDay = 80 };
        await store.UpsertAsync([completed], [visit], new DateOnly(2026, 3, 27));

        Assert.Empty(await IndexedAsync(context, store, visit));
    }

    private static async Task<List<string>> IndexedAsync(StorageTestContext context, TableScheduleStore store, ScheduledVisit visit)
    {
        var listed = new List<string>();
        foreach (var (day, _) in visit.CalendarTransitions())
        {
            listed.AddRange((await store.ReadDayAsync(day).ToListAsync()).Select(e => $"{e.Day:yyyy-MM-dd} {e.State}"));
        }

        Assert.Equal(listed.Count, (await context.RowsAsync(RegistryTables.ScheduleIndex)).Count);
        return listed;
    }

    private static ScheduledVisit Visit(string studyId, string timePoint, DateOnly indexDate, string site = "S01") => new()
    {
        Site = site,
        StudyId = studyId,
        TimePoint = timePoint,
        IndexDate = indexDate,
        TargetDay = timePoint switch { "6w" => 42, "12w" => 84, "26w" => 182, _ => 364 },
        WindowBeforeDays = 14,
        WindowAfterDays = 28,
        UpcomingLeadDays = 14,
        ProtocolFingerprint = "protocol-v1",
    };
}
