using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Schedule;

/// <summary>
/// The follow-up schedule on <c>schedule</c> and its date index on <c>scheduleindex</c>
/// (keys in <see cref="ScheduleRows"/>). The schedule row is written last: it is what a
/// retry reads to learn which index rows an earlier version of the visit left behind, so a
/// crash at any point leaves work a retry finishes rather than orphaned index rows.
/// </summary>
public sealed class TableScheduleStore(RegistryStorageClients clients) : IScheduleStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduledVisit>> GetPatientAsync(string site, string studyId, CancellationToken cancellationToken = default)
    {
        var visits = new List<ScheduledVisit>();
        await foreach (var entity in TableQueries.RangeAsync(Visits, ScheduleRows.PartitionOf(site), TableKey.PrefixRange(studyId), select: null, cancellationToken))
        {
            visits.Add(ScheduleRows.FromEntity(entity));
        }

        return visits;
    }

    /// <inheritdoc />
    public async Task<ScheduledVisit?> GetAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Visits, ScheduleRows.PartitionOf(site), ScheduleRows.RowOf(studyId, timePoint), cancellationToken);
        return entity is null ? null : ScheduleRows.FromEntity(entity);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<ScheduledVisit>>> GetPatientsAsync(string site, IReadOnlyCollection<string> studyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(studyIds);
        return PatientScheduleLookup.FindAsync(Visits, site, studyIds, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Deletes the index rows only a stored version had, writes the new index rows, then the
    /// schedule rows. The rows of many patients go together: index rows sharing a day partition
    /// share a transaction.
    /// </remarks>
    public async Task UpsertAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<ScheduledVisit> stored, DateOnly? indexFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(stored);
        var incoming = new Dictionary<(string, string, string), ScheduledVisit>();
        foreach (var visit in visits)
        {
            if (!incoming.TryAdd((visit.Site, visit.StudyId, visit.TimePoint), visit))
            {
                throw new ArgumentException($"Visit {visit.TimePoint} of study ID {visit.StudyId} at site {visit.Site} appears more than once.", nameof(visits));
            }
        }

        var stale = new List<(string, string)>();
        foreach (var old in stored)
        {
            if (incoming.TryGetValue((old.Site, old.StudyId, old.TimePoint), out var visit))
            {
                var current = ScheduleRows.IndexKeys(visit, indexFrom).ToHashSet();
                stale.AddRange(ScheduleRows.IndexKeys(old, indexFrom).Where(k => !current.Contains(k)));
            }
        }

        await TableWriter.DeleteAsync(Index, stale.Distinct(), cancellationToken);
        await TableWriter.UpsertAsync(Index, visits.SelectMany(v => ScheduleRows.IndexEntities(v, indexFrom)), cancellationToken);
        await TableWriter.UpsertAsync(Visits, visits.Select(ScheduleRows.ToEntity), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeletePatientAsync(string site, string studyId, CancellationToken cancellationToken = default)
    {
        await DeleteReviewsAsync(site, studyId, null, cancellationToken);
        var visits = await GetPatientAsync(site, studyId, cancellationToken);
        // Every calendar transition: whatever day the visit was indexed from, its rows are among
        // these (a transaction that meets a row never written falls back to single deletes).
        await TableWriter.DeleteAsync(Index, visits.SelectMany(v => ScheduleRows.IndexKeys(v)), cancellationToken);
        await TableWriter.DeleteAsync(Visits, visits.Select(v => (ScheduleRows.PartitionOf(v.Site), ScheduleRows.RowOf(v.StudyId, v.TimePoint))), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteVisitsAsync(string site, string studyId, IReadOnlyCollection<string> timePoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timePoints);
        await DeleteReviewsAsync(site, studyId, timePoints, cancellationToken);
        var visits = (await GetPatientAsync(site, studyId, cancellationToken)).Where(v => timePoints.Contains(v.TimePoint)).ToList();
        await TableWriter.DeleteAsync(Index, visits.SelectMany(v => ScheduleRows.IndexKeys(v)), cancellationToken);
        await TableWriter.DeleteAsync(Visits, visits.Select(v => (ScheduleRows.PartitionOf(v.Site), ScheduleRows.RowOf(v.StudyId, v.TimePoint))), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ScheduledVisit> ListSiteAsync(string site, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in TableQueries.PartitionAsync(Visits, ScheduleRows.PartitionOf(site), select: null, cancellationToken))
        {
            yield return ScheduleRows.FromEntity(entity);
        }
    }

    /// <inheritdoc />
    /// <remarks>The register row is written before the index row, so a deletion always finds every review row it must remove.</remarks>
    public async Task MarkForReviewAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(days);
        var distinctDays = days.Distinct().ToList();
        await TableWriter.UpsertAsync(Reviews, ScheduleRows.ReviewRegisterEntities(visits, distinctDays), cancellationToken);
        await TableWriter.UpsertAsync(Index, ScheduleRows.ReviewEntities(visits, distinctDays), cancellationToken);
    }

    /// <summary>Removes the review index rows (and their register rows) of a patient's visits, or of some time points only.</summary>
    private async Task DeleteReviewsAsync(string site, string studyId, IReadOnlyCollection<string>? timePoints, CancellationToken cancellationToken)
    {
        var registers = new List<TableEntity>();
        await foreach (var entity in TableQueries.RangeAsync(Reviews, ScheduleRows.PartitionOf(site), TableKey.PrefixRange(studyId), select: null, cancellationToken))
        {
            if (timePoints is null || timePoints.Contains(entity.RequireString("TimePoint")))
            {
                registers.Add(entity);
            }
        }

        await TableWriter.DeleteAsync(Index, registers.Select(ScheduleRows.ReviewIndexKeyOf), cancellationToken);
        await TableWriter.DeleteAsync(Reviews, registers.Select(r => (r.PartitionKey, r.RowKey)), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ScheduleIndexEntry> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in TableQueries.PartitionAsync(Index, EntityReading.DayText(day), select: null, cancellationToken))
        {
            yield return ScheduleRows.FromIndexEntity(entity);
        }
    }

    private TableClient Visits => clients.Table(RegistryTables.Schedule);

    private TableClient Index => clients.Table(RegistryTables.ScheduleIndex);

    private TableClient Reviews => clients.Table(RegistryTables.ScheduleReviews);
}
