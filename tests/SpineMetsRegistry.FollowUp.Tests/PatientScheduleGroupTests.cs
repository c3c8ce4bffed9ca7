using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>
/// The ingest writes patients' schedules a group at a time (their date-index rows share day
/// partitions). A group must store exactly what the patients written one by one store, and a
/// crash anywhere in a group's writes must leave work that a retry finishes to the same rows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PatientScheduleGroupTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Arrival = new(2026, 3, 2);
    private static readonly DateOnly VisitsArrival = Arrival.AddDays(60);

    [Fact]
    public async Task ApplyAllAsync_GroupOfPatients_StoresWhatOneByOneStores()
    {
        var oneByOne = await FollowUpWorld.CreateAsync(azurite, Arrival, null, "S01");
        var grouped = await FollowUpWorld.CreateAsync(azurite, Arrival, null, "S01");
        var writer = new PatientScheduleWriter(oneByOne.Schedule);

        foreach (var (studyId, describe) in Enrollments().Concat(Visits()).Select(c => (c.StudyId, c.Describe)))
        {
            await writer.ApplyAsync("S01", studyId, oneByOne.Policies.Protocol, describe, ArrivalOf(studyId, describe));
        }

        var group = new PatientScheduleWriter(grouped.Schedule);
        await group.ApplyAllAsync("S01", Enrollments(), grouped.Policies.Protocol, Arrival);
        await group.ApplyAllAsync("S01", Visits(), grouped.Policies.Protocol, VisitsArrival);

        Assert.Equal(await DumpAsync(oneByOne.Schedule), await DumpAsync(grouped.Schedule));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApplyAllAsync_CrashBeforeOrAfterTheVisitsAreWritten_RetryStoresWhatACleanRunStores(bool afterUpsert)
    {
        var clean = await FollowUpWorld.CreateAsync(azurite, Arrival, null, "S01");
        var crashed = await FollowUpWorld.CreateAsync(azurite, Arrival, null, "S01");
        var cleanWriter = new PatientScheduleWriter(clean.Schedule);
        await cleanWriter.ApplyAllAsync("S01", Enrollments(), clean.Policies.Protocol, Arrival);
        await cleanWriter.ApplyAllAsync("S01", Visits(), clean.Policies.Protocol, VisitsArrival);

        await new PatientScheduleWriter(crashed.Schedule).ApplyAllAsync("S01", Enrollments(), crashed.Policies.Protocol, Arrival);
        var crashing = new CrashingScheduleStore(crashed.Schedule, afterUpsert);
        await Assert.ThrowsAsync<IOException>(() => new PatientScheduleWriter(crashing).ApplyAllAsync("S01", Visits(), crashed.Policies.Protocol, VisitsArrival));
        await new PatientScheduleWriter(crashed.Schedule).ApplyAllAsync("S01", Visits(), crashed.Policies.Protocol, VisitsArrival);

        Assert.Equal(await DumpAsync(clean.Schedule), await DumpAsync(crashed.Schedule));
    }

    /// <summary>40 enrollments with index dates over the 120 days before they arrive, so some visits are already due, overdue or missed.</summary>
    private static List<PatientScheduleChange> Enrollments() =>
        [.. Enumerable.Range(0, 40).Select(i => new PatientScheduleChange(StudyId(i), _ => new PatientScheduleUpdate(Arrival.AddDays(-3 * i), new Dictionary<string, int>(), null)))];

    /// <summary>Six-week visits of every other patient, and two deaths: the states on the arrival day move.</summary>
    private static List<PatientScheduleChange> Visits() =>
        [.. Enumerable.Range(0, 40).Where(i => i % 2 == 0 || i % 7 == 0).Select(i => new PatientScheduleChange(
            StudyId(i),
            _ => i % 7 == 0 && i % 2 != 0
                ? new PatientScheduleUpdate(null, new Dictionary<string, int>(), 50)
                : new PatientScheduleUpdate(null, new Dictionary<string, int> { ["6w"] = 40 + (i % 5) }, null)))];

    private static DateOnly ArrivalOf(string studyId, Func<IReadOnlyList<ScheduledVisit>, PatientScheduleUpdate> describe) =>
        describe([]).IndexDate is null ? VisitsArrival : Arrival;

    private static string StudyId(int i) => $"S01-{i:0000}";

    /// <summary>Every schedule row and every date-index and review entry from a year before to two years after the arrival.</summary>
    private static async Task<List<string>> DumpAsync(IScheduleStore schedule)
    {
        var rows = new List<string>();
        await foreach (var visit in schedule.ListSiteAsync("S01"))
        {
            rows.Add(visit.ToString());
        }

        for (var day = Arrival.AddDays(-365); day <= Arrival.AddDays(730); day = day.AddDays(1))
        {
            await foreach (var entry in schedule.ReadDayAsync(day))
            {
                rows.Add(entry.ToString());
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The real schedule store, whose visit write fails once: before anything is written, or after the visits are.</summary>
    private sealed class CrashingScheduleStore(IScheduleStore inner, bool afterUpsert) : IScheduleStore
    {
        public Task<IReadOnlyList<ScheduledVisit>> GetPatientAsync(string site, string studyId, CancellationToken cancellationToken = default) => inner.GetPatientAsync(site, studyId, cancellationToken);

        public Task<ScheduledVisit?> GetAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default) => inner.GetAsync(site, studyId, timePoint, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<ScheduledVisit>>> GetPatientsAsync(string site, IReadOnlyCollection<string> studyIds, CancellationToken cancellationToken = default) => inner.GetPatientsAsync(site, studyIds, cancellationToken);

        public async Task UpsertAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<ScheduledVisit> stored, DateOnly? indexFrom, CancellationToken cancellationToken = default)
        {
            if (afterUpsert)
            {
                await inner.UpsertAsync(visits, stored, indexFrom, cancellationToken);
            }

            throw new IOException("Simulated crash while writing the schedule.");
        }

        public Task DeleteVisitsAsync(string site, string studyId, IReadOnlyCollection<string> timePoints, CancellationToken cancellationToken = default) => inner.DeleteVisitsAsync(site, studyId, timePoints, cancellationToken);

        public Task DeletePatientAsync(string site, string studyId, CancellationToken cancellationToken = default) => inner.DeletePatientAsync(site, studyId, cancellationToken);

        public IAsyncEnumerable<ScheduledVisit> ListSiteAsync(string site, CancellationToken cancellationToken = default) => inner.ListSiteAsync(site, cancellationToken);

        public Task MarkForReviewAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken = default) => inner.MarkForReviewAsync(visits, days, cancellationToken);

        public IAsyncEnumerable<ScheduleIndexEntry> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) => inner.ReadDayAsync(day, cancellationToken);
    }
}
