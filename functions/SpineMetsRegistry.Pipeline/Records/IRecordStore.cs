using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Pipeline.Records;

/// <summary>
/// Enrollments and follow-up visits (partitioned by site), their version history, and the
/// register of withdrawn patients. Writes go in entity-group transactions of at most 100
/// entities with deterministic keys, so a retried chunk overwrites instead of duplicating.
/// </summary>
public interface IRecordStore
{
    /// <summary>The stored state of the given records (absent ones are omitted).</summary>
    Task<IReadOnlyDictionary<RecordId, StoredRecordState>> GetStatesAsync(string site, IReadOnlyCollection<RecordId> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes records (insert or replace) and appends each one's version to the history.
    /// All records must belong to <paramref name="site"/>.
    /// </summary>
    Task UpsertAsync(string site, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Reads one record, or null.</summary>
    Task<StoredRecord?> GetAsync(string site, RecordId id, CancellationToken cancellationToken = default);

    /// <summary>Reads every record of a site (enrollments, then visits).</summary>
    IAsyncEnumerable<StoredRecord> ReadSiteAsync(string site, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every record of a site one patient at a time, holding only a page of patients:
    /// each patient's enrollment, then its visits in key order, patients in enrollment key
    /// order; then the visits that have no enrollment, one group per study ID.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<StoredRecord>> ReadSiteByPatientAsync(string site, CancellationToken cancellationToken = default);

    /// <summary>A record's version history, oldest first.</summary>
    Task<IReadOnlyList<RecordVersion>> HistoryAsync(string site, RecordId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Withdraws a patient: deletes every record and every history row of the study ID and
    /// registers the withdrawal (only the fact, the day and the batch). Idempotent. Returns
    /// how many records were removed.
    /// </summary>
    Task<int> WithdrawPatientAsync(string site, string studyId, DateTimeOffset at, string batchKey, CancellationToken cancellationToken = default);

    /// <summary>What the validator needs to know about the site's stored patients.</summary>
    Task<KnownPatientSnapshot> LoadKnownPatientsAsync(string site, CancellationToken cancellationToken = default);
}
