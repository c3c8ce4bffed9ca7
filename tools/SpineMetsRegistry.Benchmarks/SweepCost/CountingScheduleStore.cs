using System.Runtime.CompilerServices;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Benchmarks.SweepCost;

/// <summary>
/// An in-memory <see cref="IScheduleStore"/> laid out like the Table Storage one (visits by
/// site, a date index partitioned by day holding each visit's calendar transitions and review
/// entries) that counts every entity read through the port: index entries yielded by
/// <see cref="ReadDayAsync"/>, visits returned by point reads, and visits listed by
/// <see cref="ListSiteAsync"/> / <see cref="GetPatientAsync"/>. Those are the entities Table
/// Storage would bill and transfer, so the counts are the sweep's storage cost.
/// </summary>
internal sealed class CountingScheduleStore : IScheduleStore
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, ScheduledVisit>>> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, HashSet<ScheduleIndexEntry>> _index = [];
    private long _indexEntriesRead;
    private long _pointReads;
    private long _listed;

    public long IndexEntriesRead => Interlocked.Read(ref _indexEntriesRead);

    public long PointReads => Interlocked.Read(ref _pointReads);

    public long Listed => Interlocked.Read(ref _listed);

    public int VisitCount => _sites.Values.Sum(site => site.Values.Sum(patient => patient.Count));

    public IEnumerable<ScheduledVisit> AllVisits => _sites.Values.SelectMany(site => site.Values.SelectMany(patient => patient.Values));

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _indexEntriesRead, 0);
        Interlocked.Exchange(ref _pointReads, 0);
        Interlocked.Exchange(ref _listed, 0);
    }

    public Task<IReadOnlyList<ScheduledVisit>> GetPatientAsync(string site, string studyId, CancellationToken cancellationToken = default)
    {
        lock (_sites)
        {
            IReadOnlyList<ScheduledVisit> visits = _sites.TryGetValue(site, out var patients) && patients.TryGetValue(studyId, out var patient)
                ? [.. patient.Values]
                : [];
            Interlocked.Add(ref _listed, visits.Count);
            return Task.FromResult(visits);
        }
    }

    public Task<ScheduledVisit?> GetAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default)
    {
        lock (_sites)
        {
            var visit = _sites.TryGetValue(site, out var patients) && patients.TryGetValue(studyId, out var patient) && patient.TryGetValue(timePoint, out var found) ? found : null;
            if (visit is not null)
            {
                Interlocked.Increment(ref _pointReads);
            }

            return Task.FromResult(visit);
        }
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ScheduledVisit>>> GetPatientsAsync(string site, IReadOnlyCollection<string> studyIds, CancellationToken cancellationToken = default)
    {
        var patients = new Dictionary<string, IReadOnlyList<ScheduledVisit>>(StringComparer.Ordinal);
        foreach (var studyId in studyIds)
        {
            patients[studyId] = await GetPatientAsync(site, studyId, cancellationToken);
        }

        return patients;
    }

    /// <remarks>
    /// The old index entries are found from the visits held here rather than from
    /// <paramref name="stored"/>: in memory the two are the same rows, and the entities counted
    /// are the sweep's reads, not the writer's. Every transition is indexed whatever
    /// <paramref name="indexFrom"/> says: the benchmark plans prospective schedules (no
    /// transition in the past) and passes none.
    /// </remarks>
    public Task UpsertAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<ScheduledVisit> stored, DateOnly? indexFrom, CancellationToken cancellationToken = default)
    {
        lock (_sites)
        {
            foreach (var visit in visits)
            {
                if (!_sites.TryGetValue(visit.Site, out var patients))
                {
                    _sites[visit.Site] = patients = new Dictionary<string, Dictionary<string, ScheduledVisit>>(StringComparer.Ordinal);
                }

                if (!patients.TryGetValue(visit.StudyId, out var patient))
                {
                    patients[visit.StudyId] = patient = new Dictionary<string, ScheduledVisit>(StringComparer.Ordinal);
                }

                if (patient.TryGetValue(visit.TimePoint, out var previous))
                {
                    Unindex(previous);
                }

                patient[visit.TimePoint] = visit;
                foreach (var entry in Transitions(visit))
                {
                    Partition(entry.Day).Add(entry);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task MarkForReviewAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken = default)
    {
        lock (_sites)
        {
            foreach (var visit in visits)
            {
                foreach (var day in days)
                {
                    var partition = Partition(day);
                    partition.RemoveWhere(e => e.Review && e.Site == visit.Site && e.StudyId == visit.StudyId && e.TimePoint == visit.TimePoint);
                    partition.Add(new ScheduleIndexEntry(day, visit.Site, visit.StudyId, visit.TimePoint, visit.StateOn(day)) { Review = true });
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteVisitsAsync(string site, string studyId, IReadOnlyCollection<string> timePoints, CancellationToken cancellationToken = default)
    {
        lock (_sites)
        {
            if (_sites.TryGetValue(site, out var patients) && patients.TryGetValue(studyId, out var patient))
            {
                foreach (var timePoint in timePoints)
                {
                    if (patient.Remove(timePoint, out var removed))
                    {
                        Unindex(removed);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    public async Task DeletePatientAsync(string site, string studyId, CancellationToken cancellationToken = default)
    {
        var visits = await GetPatientAsync(site, studyId, cancellationToken);
        await DeleteVisitsAsync(site, studyId, [.. visits.Select(v => v.TimePoint)], cancellationToken);
    }

    public async IAsyncEnumerable<ScheduledVisit> ListSiteAsync(string site, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<ScheduledVisit> visits;
        lock (_sites)
        {
            visits = _sites.TryGetValue(site, out var patients) ? [.. patients.Values.SelectMany(p => p.Values)] : [];
        }

        foreach (var visit in visits)
        {
            Interlocked.Increment(ref _listed);
            yield return visit;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<ScheduleIndexEntry> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<ScheduleIndexEntry> entries;
        lock (_sites)
        {
            entries = _index.TryGetValue(day, out var partition) ? [.. partition] : [];
        }

        foreach (var entry in entries)
        {
            Interlocked.Increment(ref _indexEntriesRead);
            yield return entry;
        }

        await Task.CompletedTask;
    }

    private static IEnumerable<ScheduleIndexEntry> Transitions(ScheduledVisit visit) =>
        visit.CalendarTransitions().Select(t => new ScheduleIndexEntry(t.Day, visit.Site, visit.StudyId, visit.TimePoint, t.State));

    private void Unindex(ScheduledVisit visit)
    {
        foreach (var entry in Transitions(visit))
        {
            if (_index.TryGetValue(entry.Day, out var partition))
            {
                partition.Remove(entry);
            }
        }
    }

    private HashSet<ScheduleIndexEntry> Partition(DateOnly day)
    {
        if (!_index.TryGetValue(day, out var partition))
        {
            _index[day] = partition = [];
        }

        return partition;
    }
}
