using System.Globalization;
using Azure.Data.Tables;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Storage.Records;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Records;

[Collection(AzuriteCollection.Name)]
public sealed class PatientRecordReaderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReadSiteByPatientAsync_PatientsOverTwoPagesWithAPrefixStudyId_EachPatientOnceWithAllItsVisitsThenOrphans()
    {
        var context = await StorageTestContext.CreateAsync(azurite, "S01", "S02");
        var store = new TableRecordStore(context.Clients);

        // A full first page of enrollments ending with the last (P0200 for pages of 200), then that
        // ID with a 0 appended (P02000) on the second page: as a visit key "P02000|6w" sorts
        // before "P0200}", so its visits are read with the first page's window and must wait for
        // their enrollment.
        static string Id(int p) => "P" + p.ToString("D4", CultureInfo.InvariantCulture);
        var last = Id(PatientRecordReader.PageSize);
        var prefixed = last + "0";
        var after = Id(PatientRecordReader.PageSize + 1) + "x";
        var studyIds = Enumerable.Range(1, PatientRecordReader.PageSize).Select(Id)
            .Append(prefixed).Append(after)
            .ToList();
        var enrollments = studyIds.Select(id => TestRecords.Enrollment("S01", id)).ToList();
        var visits = new[] { Id(1), Id(PatientRecordReader.PageSize / 2), last, prefixed, after }
            .SelectMany(id => new[] { TestRecords.Visit("S01", id, "6w"), TestRecords.Visit("S01", id, "12w") })
            .Append(TestRecords.Visit("S01", "P0000orphan", "6w"))
            .ToList();
        await WriteAsync(context, RegistryTables.Enrollments, enrollments);
        await WriteAsync(context, RegistryTables.Visits, visits);
        await WriteAsync(context, RegistryTables.Visits, [TestRecords.Visit("S02", "P0001", "6w")]);

        var groups = await store.ReadSiteByPatientAsync("S01").ToListAsync();

        var expected = enrollments.OrderBy(e => RecordRows.RowOf(e.Id), StringComparer.Ordinal)
            .Select(e => (IReadOnlyList<string>)[Key(e), .. visits.Where(v => v.StudyId == e.StudyId).Select(Key).Order(StringComparer.Ordinal)])
            .Append(["P0000orphan/6w"])
            .ToList();
        Assert.Equal(expected, groups.Select(g => (IReadOnlyList<string>)g.Select(Key).ToList()).ToList());
        var secondPage = Assert.Single(groups, g => g[0].StudyId == prefixed);
        Assert.Equal(["enrollment", "12w", "6w"], secondPage.Select(r => r.RecordKey));
        Assert.All(groups.SelectMany(g => g), r => Assert.Equal("S01", r.Site));
    }

    [Fact]
    public async Task ReadSiteByPatientAsync_EmptySite_NoGroup()
    {
        var context = await StorageTestContext.CreateAsync(azurite);

        Assert.Empty(await new TableRecordStore(context.Clients).ReadSiteByPatientAsync("S01").ToListAsync());
    }

    private static string Key(StoredRecord record) => record.StudyId + "/" + record.RecordKey;

    // Written straight into the table, 100 per transaction: the reader needs the rows, not the history.
    private static async Task WriteAsync(StorageTestContext context, string table, IReadOnlyList<StoredRecord> records)
    {
        var client = context.RawTable(table);
        foreach (var partition in records.Select(RecordRows.ToEntity).GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await client.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            }
        }
    }
}
