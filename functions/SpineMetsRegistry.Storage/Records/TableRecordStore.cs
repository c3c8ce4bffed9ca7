using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Records;

/// <summary>
/// Records on four tables: <c>enrollments</c> (PK site, RK studyId), <c>visits</c> (PK site,
/// RK studyId|recordKey), <c>recordversions</c> (PK site|studyId, RK recordKey|version) and
/// <c>withdrawals</c> (PK site, RK studyId). Every key is deterministic, so a retried chunk
/// rewrites the same rows.
/// </summary>
public sealed class TableRecordStore(RegistryStorageClients clients) : IRecordStore
{
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];
    private static readonly string[] EnrollmentColumns = ["StudyId", RecordRows.ValuePrefix + "index_date"];
    private static readonly string[] VisitDeathColumns = ["StudyId", RecordRows.ValuePrefix + "death_day", RecordRows.ValuePrefix + "death_date"];
    private static readonly string[] StudyIdColumn = ["StudyId"];

    /// <inheritdoc />
    /// <remarks>One bounded RowKey range query per table (<see cref="RecordStateLookup"/>), not a point read per record.</remarks>
    public async Task<IReadOnlyDictionary<RecordId, StoredRecordState>> GetStatesAsync(string site, IReadOnlyCollection<RecordId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var partition = RecordRows.PartitionOf(site);
        var states = new Dictionary<RecordId, StoredRecordState>();
        foreach (var group in ids.Distinct().GroupBy(RecordRows.IsEnrollment))
        {
            var rows = group.ToDictionary(RecordRows.RowOf, StringComparer.Ordinal);
            var table = clients.Table(group.Key ? RegistryTables.Enrollments : RegistryTables.Visits);
            foreach (var (id, state) in await RecordStateLookup.FindAsync(table, partition, rows, cancellationToken))
            {
                states[id] = state;
            }
        }

        return states;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The history rows are written before the records, so a crash in between leaves the
    /// previous version current and the retry rewrites the same rows.
    /// </remarks>
    public async Task UpsertAsync(string site, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (record.Site != site)
            {
                throw new ArgumentException($"Record {record.RecordKey} of study ID {record.StudyId} belongs to site '{record.Site}', not '{site}'.", nameof(records));
            }

            if (record.Kind == RecordKind.Withdrawal || (record.Kind == RecordKind.Enrollment) != RecordRows.IsEnrollment(record.Id))
            {
                throw new ArgumentException($"Record {record.RecordKey} of study ID {record.StudyId} has kind {record.Kind}, which the record store does not store under that key.", nameof(records));
            }
        }

        // Build (and so size-check) every entity before writing any.
        var enrollments = records.Where(r => r.Kind == RecordKind.Enrollment).Select(RecordRows.ToEntity).ToList();
        var visits = records.Where(r => r.Kind == RecordKind.FollowUp).Select(RecordRows.ToEntity).ToList();
        var versions = records.Select(RecordRows.ToVersion).ToList();
        CheckAll(RegistryTables.Enrollments, enrollments);
        CheckAll(RegistryTables.Visits, visits);

        await TableWriter.UpsertAsync(clients.Table(RegistryTables.RecordVersions), versions, cancellationToken);
        await TableWriter.UpsertAsync(clients.Table(RegistryTables.Enrollments), enrollments, cancellationToken);
        await TableWriter.UpsertAsync(clients.Table(RegistryTables.Visits), visits, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredRecord?> GetAsync(string site, RecordId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var entity = await TableQueries.GetAsync(TableFor(id), RecordRows.PartitionOf(site), RecordRows.RowOf(id), cancellationToken);
        return entity is null ? null : RecordRows.FromEntity(entity);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadSiteAsync(string site, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partition = RecordRows.PartitionOf(site);
        foreach (var table in new[] { RegistryTables.Enrollments, RegistryTables.Visits })
        {
            await foreach (var entity in TableQueries.PartitionAsync(clients.Table(table), partition, select: null, cancellationToken))
            {
                yield return RecordRows.FromEntity(entity);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Enrollments a page at a time, each page with its window of visits (<see cref="PatientRecordReader"/>).</remarks>
    public IAsyncEnumerable<IReadOnlyList<StoredRecord>> ReadSiteByPatientAsync(string site, CancellationToken cancellationToken = default) =>
        PatientRecordReader.ReadAsync(clients.Table(RegistryTables.Enrollments), clients.Table(RegistryTables.Visits), RecordRows.PartitionOf(site), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordVersion>> HistoryAsync(string site, RecordId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var versions = new List<RecordVersion>();
        var query = TableQueries.RangeAsync(
            clients.Table(RegistryTables.RecordVersions),
            RecordRows.VersionPartitionOf(site, id.StudyId),
            TableKey.PrefixRange(id.RecordKey),
            select: null,
            cancellationToken);
        await foreach (var entity in query)
        {
            versions.Add(RecordRows.FromVersion(entity));
        }

        return versions;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Deletes the history, the visits (the RowKey range <c>studyId|</c>..<c>studyId}</c>) and
    /// the enrollment, then registers the withdrawal; each step is idempotent, so a retry after
    /// a crash finishes the job. The follow-up schedule is the schedule store's to remove.
    /// </remarks>
    public async Task<int> WithdrawPatientAsync(string site, string studyId, DateTimeOffset at, string batchKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchKey);
        var partition = RecordRows.PartitionOf(site);

        var versionsTable = clients.Table(RegistryTables.RecordVersions);
        var versionPartition = RecordRows.VersionPartitionOf(site, studyId);
        var versionKeys = await KeysAsync(TableQueries.PartitionAsync(versionsTable, versionPartition, KeyColumns, cancellationToken), cancellationToken);
        await TableWriter.DeleteAsync(versionsTable, versionKeys, cancellationToken);

        var visitsTable = clients.Table(RegistryTables.Visits);
        var visitKeys = await KeysAsync(TableQueries.RangeAsync(visitsTable, partition, TableKey.PrefixRange(studyId), KeyColumns, cancellationToken), cancellationToken);
        await TableWriter.DeleteAsync(visitsTable, visitKeys, cancellationToken);

        var enrollmentsTable = clients.Table(RegistryTables.Enrollments);
        var enrollmentRow = TableKey.Of(studyId);
        var enrollment = await TableQueries.GetAsync(enrollmentsTable, partition, enrollmentRow, cancellationToken, KeyColumns);
        if (enrollment is not null)
        {
            await TableWriter.DeleteAsync(enrollmentsTable, [(partition, enrollmentRow)], cancellationToken);
        }

        var withdrawal = new TableEntity(partition, enrollmentRow)
        {
            ["Site"] = site,
            ["StudyId"] = studyId,
            ["WithdrawnOn"] = EntityReading.DayText(DateOnly.FromDateTime(at.UtcDateTime)),
            ["BatchKey"] = batchKey,
        };
        await TableWriter.UpsertAsync(clients.Table(RegistryTables.Withdrawals), [withdrawal], cancellationToken);
        return visitKeys.Count + (enrollment is null ? 0 : 1);
    }

    /// <inheritdoc />
    /// <remarks>Three partition scans of the site, reading only the columns needed.</remarks>
    public async Task<KnownPatientSnapshot> LoadKnownPatientsAsync(string site, CancellationToken cancellationToken = default)
    {
        var partition = RecordRows.PartitionOf(site);
        var builder = new KnownPatientBuilder();
        await foreach (var entity in TableQueries.PartitionAsync(clients.Table(RegistryTables.Enrollments), partition, EnrollmentColumns, cancellationToken))
        {
            builder.AddEnrollment(entity.RequireString("StudyId"), entity.GetString(EnrollmentColumns[1]));
        }

        await foreach (var entity in TableQueries.PartitionAsync(clients.Table(RegistryTables.Visits), partition, VisitDeathColumns, cancellationToken))
        {
            builder.AddVisit(entity.RequireString("StudyId"), entity.GetString(VisitDeathColumns[1]), entity.GetString(VisitDeathColumns[2]));
        }

        await foreach (var entity in TableQueries.PartitionAsync(clients.Table(RegistryTables.Withdrawals), partition, StudyIdColumn, cancellationToken))
        {
            builder.AddWithdrawal(entity.RequireString("StudyId"));
        }

        return builder.Build();
    }

    private static void CheckAll(string table, IEnumerable<TableEntity> entities)
    {
        foreach (var entity in entities)
        {
            EntityLimits.Check(table, entity);
        }
    }

    private static async Task<List<(string PartitionKey, string RowKey)>> KeysAsync(IAsyncEnumerable<TableEntity> query, CancellationToken cancellationToken)
    {
        var keys = new List<(string, string)>();
        await foreach (var entity in query.WithCancellation(cancellationToken))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        return keys;
    }

    private TableClient TableFor(RecordId id) =>
        clients.Table(RecordRows.IsEnrollment(id) ? RegistryTables.Enrollments : RegistryTables.Visits);
}
