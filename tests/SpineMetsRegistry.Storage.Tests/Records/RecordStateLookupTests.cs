using System.Globalization;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Storage.Records;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Records;

[Collection(AzuriteCollection.Name)]
public sealed class RecordStateLookupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetStatesAsync_AdjacentChunk_OneRangeQueryPerTableAndNoPointRead()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var stored = Enumerable.Range(1, 120)
            .SelectMany(p => new[] { TestRecords.Enrollment("S01", Id(p)), TestRecords.Visit("S01", Id(p), "6w", version: p % 3 == 0 ? 2 : 1) })
            .ToList();
        await store.UpsertAsync("S01", stored);
        var wanted = stored.Where(r => StudyNumber(r) is >= 30 and <= 90).Select(r => r.Id)
            .Append(new RecordId(Id(50), "12w"))
            .ToList();
        context.Requests.Clear();

        var states = await store.GetStatesAsync("S01", wanted);

        Assert.Equal(Expected(stored, wanted), states.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).ToList());
        Assert.Equal(2, context.Requests.All.Count(IsQuery));
        Assert.Equal(0, context.Requests.All.Count(IsPointRead));
    }

    [Fact]
    public async Task GetStatesAsync_IdsScatteredBeyondScanBudget_PointReadsWhatTheScanDidNotReachAndMissesNothing()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableRecordStore(context.Clients);
        var patients = RecordStateLookup.ScanBudget + 100;
        var stored = Enumerable.Range(1, patients).Select(p => TestRecords.Enrollment("S01", Id(p), version: 1 + (p % 2))).ToList();
        await store.UpsertAsync("S01", stored);

        // The first and last stored patients, one in the middle, and two never stored (one
        // inside the range, one past its end): far more rows between them than the budget.
        var wanted = new[] { 1, patients / 2, patients }.Select(p => new RecordId(Id(p), "enrollment"))
            .Append(new RecordId("S01-0000000x", "enrollment"))
            .Append(new RecordId("S01-9999999", "enrollment"))
            .ToList();
        context.Requests.Clear();

        var states = await store.GetStatesAsync("S01", wanted);

        Assert.Equal(Expected(stored, wanted), states.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).ToList());
        Assert.Equal(1, context.Requests.All.Count(IsQuery));
        Assert.InRange(context.Requests.All.Count(IsPointRead), 1, wanted.Count);
    }

    private static List<KeyValuePair<RecordId, StoredRecordState>> Expected(IEnumerable<StoredRecord> stored, IReadOnlyCollection<RecordId> wanted) =>
        stored.Where(r => wanted.Contains(r.Id))
            .Select(r => KeyValuePair.Create(r.Id, new StoredRecordState(r.ContentHash, r.Version, r.SourceBatchKey)))
            .OrderBy(s => s.Key.ToString(), StringComparer.Ordinal)
            .ToList();

    private static string Id(int patient) => "S01-" + patient.ToString("D7", CultureInfo.InvariantCulture);

    private static int StudyNumber(StoredRecord record) => int.Parse(record.StudyId[4..], CultureInfo.InvariantCulture);

    // A point read addresses one entity in its path: /table(PartitionKey='..',RowKey='..').
    private static bool IsPointRead(string request) => request.StartsWith("GET ", StringComparison.Ordinal) && request.Contains("PartitionKey=", StringComparison.Ordinal);

    // A query addresses the table: /table().
    private static bool IsQuery(string request) => request.StartsWith("GET ", StringComparison.Ordinal) && request.EndsWith("()", StringComparison.Ordinal);
}
