using System.Globalization;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Schedule;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Schedule;

[Collection(AzuriteCollection.Name)]
public sealed class PatientScheduleLookupTests(AzuriteFixture azurite)
{
    private static readonly DateOnly IndexDate = new(2026, 1, 5);

    [Fact]
    public async Task GetPatientsAsync_AdjacentGroupWithPrefixIds_OneQueryAndExactlyEachPatientsVisits()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        // "S01-1" is a prefix of "S01-10" and "S01-11": their keys sort "S01-10|.." < "S01-11|.."
        // < "S01-1|..", the opposite of the IDs' order, so a range built from the IDs' order is empty.
        string[] stored = ["S01-1", "S01-10", "S01-11", "S01-2", "S01-3"];
        await store.UpsertAsync(stored.SelectMany(id => Visits(id, id == "S01-2" ? 2 : 4)).ToList(), [], indexFrom: null);
        string[] wanted = ["S01-1", "S01-10", "S01-2", "S01-9"];
        context.Requests.Clear();

        var patients = await store.GetPatientsAsync("S01", wanted);

        Assert.Equal(wanted.Order(StringComparer.Ordinal), patients.Keys.Order(StringComparer.Ordinal));
        foreach (var id in wanted)
        {
            Assert.Equal(Expected(stored, id), Sorted(patients[id]));
        }

        Assert.Equal(1, context.Requests.All.Count(IsQuery));
    }

    [Fact]
    public async Task GetPatientsAsync_GroupScatteredBeyondScanBudget_QueriesTheRestPerPatientAndMissesNothing()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        // Two visits per patient: more of other patients' visits between the group's first and
        // last patient than the scan may read.
        var patients = (PatientScheduleLookup.ScanBudget / 2) + 100;
        var stored = Enumerable.Range(1, patients).Select(Id).ToList();
        await store.UpsertAsync(stored.SelectMany(id => Visits(id, 2)).ToList(), [], indexFrom: null);
        var wanted = new[] { Id(1), Id(patients / 2), Id(patients), Id(patients + 1) };
        context.Requests.Clear();

        var found = await store.GetPatientsAsync("S01", wanted);

        foreach (var id in wanted)
        {
            Assert.Equal(Expected(stored, id, visits: 2), Sorted(found[id]));
        }

        Assert.InRange(context.Requests.All.Count(IsQuery), 2, 1 + wanted.Length);
    }

    [Fact]
    public async Task UpsertAsync_StoredVersionsGiven_OldIndexRowsRemovedOthersKept()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var store = new TableScheduleStore(context.Clients);
        var original = Visits("S01-0001", 2);
        var other = Visits("S01-0002", 2);
        await store.UpsertAsync([.. original, .. other], [], indexFrom: null);
        var moved = original.Select(v => v with { IndexDate = IndexDate.AddDays(10) }).ToList();

        await store.UpsertAsync(moved, (await store.GetPatientsAsync("S01", ["S01-0001"]))["S01-0001"], indexFrom: null);

        var indexed = new HashSet<ScheduleIndexEntry>();
        foreach (var day in original.Concat(moved).SelectMany(v => v.CalendarTransitions()).Select(t => t.Day).Distinct())
        {
            indexed.UnionWith(await store.ReadDayAsync(day).ToListAsync());
        }

        var expected = moved.Concat(other)
            .SelectMany(v => v.CalendarTransitions().Select(t => new ScheduleIndexEntry(t.Day, v.Site, v.StudyId, v.TimePoint, t.State)))
            .ToHashSet();
        Assert.True(expected.SetEquals(indexed));
    }

    private static string Id(int patient) => "S01-" + patient.ToString("D5", CultureInfo.InvariantCulture);

    private static List<ScheduledVisit> Visits(string studyId, int count) =>
        new[] { ("6w", 42), ("12w", 84), ("26w", 182), ("52w", 364) }.Take(count)
            .Select(t => new ScheduledVisit
            {
                Site = "S01",
                StudyId = studyId,
                TimePoint = t.Item1,
                IndexDate = IndexDate,
                TargetDay = t.Item2,
                WindowBeforeDays = 14,
                WindowAfterDays = 28,
                UpcomingLeadDays = 14,
                ProtocolFingerprint = "protocol-v1",
            })
            .ToList();

    private static List<ScheduledVisit> Expected(IReadOnlyCollection<string> stored, string studyId, int? visits = null) =>
        stored.Contains(studyId) ? Sorted(Visits(studyId, visits ?? (studyId == "S01-2" ? 2 : 4))) : [];

    private static List<ScheduledVisit> Sorted(IEnumerable<ScheduledVisit> visits) => [.. visits.OrderBy(v => v.TargetDay)];

    // A query addresses the table: /table().
    private static bool IsQuery(string request) => request.StartsWith("GET ", StringComparison.Ordinal) && request.EndsWith("()", StringComparison.Ordinal);
}
