using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Storage.Records;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Records;

[Collection(AzuriteCollection.Name)]
public sealed class TableRecordStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UpsertAsync_EnrollmentAndVisit_ReadBackWithValuesScoresAndProvenance()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var enrollment = TestRecords.Enrollment("S01", "S01-0001");
        var visit = TestRecords.Visit("S01", "S01-0001", "12w");

        await store.UpsertAsync("S01", [enrollment, visit]);

        AssertSame(enrollment, await store.GetAsync("S01", enrollment.Id));
        AssertSame(visit, await store.GetAsync("S01", visit.Id));
        Assert.Null(await store.GetAsync("S01", new RecordId("S01-0001", "26w")));
        Assert.Null(await store.GetAsync("S02", enrollment.Id));
    }

    [Fact]
    public async Task UpsertAsync_Scores_StoredAsTypedPropertiesAndJsonProvenance()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        await new TableRecordStore(context.Clients).UpsertAsync("S01", [TestRecords.Enrollment("S01", "S01-0001")]);

        var row = Assert.Single(await context.RowsAsync(RegistryTables.Enrollments));
        Assert.Equal("breast", row.GetString("v_primary_tumour"));
        Assert.Equal(9.0, row.GetDouble("s_sins_total"));
        Assert.Equal("potentially_unstable", row.GetString("k_sins_total"));
        Assert.Equal(0.7345, row.GetDouble("s_eq5d_index"));
        Assert.False(row.ContainsKey("s_sosgoq_total"));
        Assert.Contains("Devlin 2018", row.GetString("Scores"), StringComparison.Ordinal);
        Assert.Equal("S01", row.PartitionKey);
        Assert.Equal("S01-0001", row.RowKey);
    }

    [Fact]
    public async Task UpsertAsync_RepeatedWrite_SameRowsNoDuplicates()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var records = new[] { TestRecords.Enrollment("S01", "S01-0001"), TestRecords.Visit("S01", "S01-0001", "6w"), TestRecords.Visit("S01", "S01-0001", "12w") };

        await store.UpsertAsync("S01", records);
        await store.UpsertAsync("S01", records);

        Assert.Single(await context.RowsAsync(RegistryTables.Enrollments));
        Assert.Equal(2, (await context.RowsAsync(RegistryTables.Visits)).Count);
        Assert.Equal(3, (await context.RowsAsync(RegistryTables.RecordVersions)).Count);
        Assert.Single(await store.HistoryAsync("S01", records[1].Id));
    }

    [Fact]
    public async Task UpsertAsync_250Records_ThreeTransactionsPerPartitionAllStored()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);

        // Five patients with fifty unscheduled visits each: 250 rows in the site's visits
        // partition (3 transactions: 100, 100, 50) and 50 history rows in each patient's
        // version partition (one transaction each).
        var records = Enumerable.Range(1, 5)
            .SelectMany(p => Enumerable.Range(1, 50).Select(v => TestRecords.Visit("S01", $"S01-{p:D4}", $"unscheduled-{v:D3}")))
            .ToList();

        await store.UpsertAsync("S01", records);

        Assert.Equal(3 + 5, context.Requests.CountBatches());
        var stored = await store.ReadSiteAsync("S01").ToListAsync();
        Assert.Equal(250, stored.Count);
        Assert.Equal(records.Select(r => r.Id).ToHashSet(), stored.Select(r => r.Id).ToHashSet());
        Assert.Equal(250, (await context.RowsAsync(RegistryTables.RecordVersions)).Count);
    }

    [Fact]
    public async Task GetStatesAsync_MixOfStoredAndAbsent_ReturnsOnlyStored()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var enrollment = TestRecords.Enrollment("S01", "S01-0001", version: 2, batch: "fix@aaaaaaaaaaaa");
        var visit = TestRecords.Visit("S01", "S01-0001", "6w");
        await store.UpsertAsync("S01", [enrollment, visit]);

        var states = await store.GetStatesAsync("S01", [enrollment.Id, visit.Id, new RecordId("S01-0001", "12w"), new RecordId("S01-0002", "enrollment")]);

        Assert.Equal(2, states.Count);
        Assert.Equal(new StoredRecordState(enrollment.ContentHash, 2, "fix@aaaaaaaaaaaa"), states[enrollment.Id]);
        Assert.Equal(new StoredRecordState(visit.ContentHash, 1, visit.SourceBatchKey), states[visit.Id]);
    }

    [Fact]
    public async Task UpsertAsync_Correction_SupersedesAndHistoryKeepsBothVersions()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var first = TestRecords.Visit("S01", "S01-0001", "12w");
        var corrected = TestRecords.Visit("S01", "S01-0001", "12w", new Dictionary<string, string> { ["nrs_pain"] = "5" }, version: 2, batch: "visits-2@bbbbbbbbbbbb");

        await store.UpsertAsync("S01", [first]);
        await store.UpsertAsync("S01", [corrected]);

        var current = await store.GetAsync("S01", first.Id);
        Assert.Equal("5", current!.Values["nrs_pain"]);
        Assert.Equal(2, current.Version);
        var history = await store.HistoryAsync("S01", first.Id);
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal([first.ContentHash, corrected.ContentHash], history.Select(h => h.ContentHash));
        Assert.Equal(["visits-1@0123456789ab", "visits-2@bbbbbbbbbbbb"], history.Select(h => h.BatchKey));
    }

    [Fact]
    public async Task WithdrawPatientAsync_RemovesEveryRowOfThePatientAndNothingElse()
    {
        var context = await StorageTestContext.CreateAsync(azurite, "S01", "S02");
        var store = new TableRecordStore(context.Clients);
        await store.UpsertAsync("S01",
        [
            TestRecords.Enrollment("S01", "S01-0001"),
            TestRecords.Visit("S01", "S01-0001", "6w"),
            TestRecords.Visit("S01", "S01-0001", "12w"),
            TestRecords.Enrollment("S01", "S01-00010"),
            TestRecords.Visit("S01", "S01-00010", "6w"),
            TestRecords.Enrollment("S01", "S01-0002"),
        ]);
        await store.UpsertAsync("S01", [TestRecords.Visit("S01", "S01-0001", "12w", version: 2)]);
        await store.UpsertAsync("S02", [TestRecords.Enrollment("S02", "S01-0001"), TestRecords.Visit("S02", "S01-0001", "6w")]);

        var removed = await store.WithdrawPatientAsync("S01", "S01-0001", new DateTimeOffset(2026, 4, 1, 23, 30, 0, TimeSpan.FromHours(-5)), "withdraw-1@cccccccccccc");

        Assert.Equal(3, removed);
        var s01 = await store.ReadSiteAsync("S01").Select(r => r.Id).ToListAsync();
        Assert.Equal([new RecordId("S01-00010", "enrollment"), new RecordId("S01-0002", "enrollment"), new RecordId("S01-00010", "6w")], s01);
        Assert.Equal(2, await store.ReadSiteAsync("S02").CountAsync());
        Assert.Empty(await store.HistoryAsync("S01", new RecordId("S01-0001", "12w")));
        Assert.Single(await store.HistoryAsync("S01", new RecordId("S01-00010", "6w")));
        Assert.Single(await store.HistoryAsync("S02", new RecordId("S01-0001", "6w")));

        var withdrawal = Assert.Single(await context.RowsAsync(RegistryTables.Withdrawals));
        Assert.Equal("S01-0001", withdrawal.GetString("StudyId"));
        Assert.Equal("2026-04-02", withdrawal.GetString("WithdrawnOn"));
        Assert.Equal("withdraw-1@cccccccccccc", withdrawal.GetString("BatchKey"));
        Assert.Equal(4, withdrawal.Keys.Count(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")));
    }

    [Fact]
    public async Task WithdrawPatientAsync_Repeated_RemovesNothingMoreAndKeepsOneRegisterRow()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        await store.UpsertAsync("S01", [TestRecords.Enrollment("S01", "S01-0001"), TestRecords.Visit("S01", "S01-0001", "6w"), TestRecords.Enrollment("S01", "S01-0002")]);
        var at = new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(2, await store.WithdrawPatientAsync("S01", "S01-0001", at, "w@cccccccccccc"));
        Assert.Equal(0, await store.WithdrawPatientAsync("S01", "S01-0001", at, "w@cccccccccccc"));

        Assert.Single(await context.RowsAsync(RegistryTables.Withdrawals));
        Assert.Single(await context.RowsAsync(RegistryTables.Enrollments));
        Assert.Empty(await context.RowsAsync(RegistryTables.Visits));
    }

    [Fact]
    public async Task LoadKnownPatientsAsync_IndexDateDeathDayAndWithdrawal_FromStoredRows()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        await store.UpsertAsync("S01",
        [
            TestRecords.Enrollment("S01", "S01-0001", indexDate: "2025-11-03"),
            TestRecords.Visit("S01", "S01-0001", "6w"),

            // Death given as a date only: the day is counted from the index date.
            TestRecords.Enrollment("S01", "S01-0002", indexDate: "2025-11-03"),
            TestRecords.Deceased("S01", "S01-0002", "12w", deathDay: null, deathDate: "2026-01-02"),

            // Two visits report a death: the earlier day wins, day given or computed.
            TestRecords.Enrollment("S01", "S01-0003", indexDate: "2025-10-01"),
            TestRecords.Deceased("S01", "S01-0003", "26w", deathDay: "150", deathDate: null),
            TestRecords.Deceased("S01", "S01-0003", "52w", deathDay: null, deathDate: "2026-02-01"),

            // No index date on the enrollment (SafeHarbor policy): a death date gives no day.
            TestRecords.Enrollment("S01", "S01-0004", indexDate: null),
            TestRecords.Deceased("S01", "S01-0004", "12w", deathDay: null, deathDate: "2026-01-02"),
            TestRecords.Enrollment("S01", "S01-0005"),
        ]);
        await store.WithdrawPatientAsync("S01", "S01-0005", TestRecords.StoredAt, "w@cccccccccccc");

        var known = await store.LoadKnownPatientsAsync("S01");

        Assert.True(known.TryGet("S01-0001", out var alive));
        Assert.Equal(new DateOnly(2025, 11, 3), alive.IndexDate);
        Assert.Null(alive.DeathDay);
        Assert.False(alive.Withdrawn);
        Assert.True(known.TryGet("S01-0002", out var deadByDate));
        Assert.Equal(60, deadByDate.DeathDay);
        Assert.True(known.TryGet("S01-0003", out var deadTwice));
        Assert.Equal(123, deadTwice.DeathDay);
        Assert.True(known.TryGet("S01-0004", out var noIndex));
        Assert.Null(noIndex.IndexDate);
        Assert.Null(noIndex.DeathDay);
        Assert.True(known.TryGet("S01-0005", out var withdrawn));
        Assert.True(withdrawn.Withdrawn);
        Assert.Null(withdrawn.IndexDate);
        Assert.False(known.TryGet("S01-0099", out _));
        Assert.False((await store.LoadKnownPatientsAsync("S02")).TryGet("S01-0001", out _));
    }

    [Fact]
    public async Task UpsertAsync_TooManyProperties_ClearErrorAndNothingWritten()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var wide = TestRecords.Visit("S01", "S01-0001", "6w", Enumerable.Range(1, 260).ToDictionary(i => $"item_{i:D3}", _ => "1"));
        var fine = TestRecords.Visit("S01", "S01-0002", "6w");

        var error = await Assert.ThrowsAsync<TableEntityLimitException>(() => store.UpsertAsync("S01", [fine, wide]));

        Assert.Contains("at most 252", error.Message, StringComparison.Ordinal);
        Assert.Contains("S01-0001|6w", error.Message, StringComparison.Ordinal);
        Assert.Empty(await context.RowsAsync(RegistryTables.Visits));
        Assert.Empty(await context.RowsAsync(RegistryTables.RecordVersions));
    }

    [Fact]
    public async Task UpsertAsync_EntityOverOneMebibyte_ClearErrorAndNothingWritten()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var huge = TestRecords.Visit("S01", "S01-0001", "6w", Enumerable.Range(1, 20).ToDictionary(i => $"comment_{i:D2}", _ => new string('x', 30_000)));

        var error = await Assert.ThrowsAsync<TableEntityLimitException>(() => store.UpsertAsync("S01", [huge]));

        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
        Assert.Empty(await context.RowsAsync(RegistryTables.Visits));
    }

    [Fact]
    public async Task UpsertAsync_LargeRecordsNearTheLimit_SplitByRequestSizeAndAllStored()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);

        // Ten records of about 600 KB of text each: far fewer than 100, but together over
        // the 4 MiB a transaction's request may carry.
        var records = Enumerable.Range(1, 10)
            .Select(i => TestRecords.Visit("S01", $"S01-{i:D4}", "6w", Enumerable.Range(1, 20).ToDictionary(f => $"comment_{f:D2}", _ => new string('y', 24_000))))
            .ToList();

        await store.UpsertAsync("S01", records);

        Assert.True(context.Requests.CountBatches() >= 2);
        var stored = await store.ReadSiteAsync("S01").ToListAsync();
        Assert.Equal(10, stored.Count);
        Assert.All(stored, r => Assert.Equal(24_000, r.Values["comment_20"].Length));
    }

    [Fact]
    public async Task UpsertAsync_RecordOfAnotherSite_Rejected()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync("S01", [TestRecords.Visit("S02", "S02-0001", "6w")]));
        Assert.Empty(await context.RowsAsync(RegistryTables.Visits));
    }

    [Fact]
    public async Task UpsertAsync_StudyIdWithReservedCharacters_EscapedAndReadBack()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var odd = TestRecords.Visit("S01", "S01/00#1?|%", "6w");
        var neighbour = TestRecords.Visit("S01", "S01/00#1?", "6w");

        await store.UpsertAsync("S01", [odd, neighbour]);
        var removed = await store.WithdrawPatientAsync("S01", "S01/00#1?", TestRecords.StoredAt, "w@cccccccccccc");

        Assert.Equal(1, removed);
        AssertSame(odd, await store.GetAsync("S01", odd.Id));
        Assert.Null(await store.GetAsync("S01", neighbour.Id));
    }

    private static void AssertSame(StoredRecord expected, StoredRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Site, actual.Site);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Values.OrderBy(p => p.Key), actual.Values.OrderBy(p => p.Key));
        Assert.Equal(expected.Scores, actual.Scores);
        Assert.Equal(expected.ContentHash, actual.ContentHash);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.SourceBatchKey, actual.SourceBatchKey);
        Assert.Equal(expected.DictionaryVersion, actual.DictionaryVersion);
        Assert.Equal(expected.StoredAt, actual.StoredAt);
    }
}
