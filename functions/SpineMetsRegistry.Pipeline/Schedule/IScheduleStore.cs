using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Pipeline.Schedule;

/// <summary>
/// An entry of the schedule's date index: on <paramref name="Day"/> this visit's state
/// changes by the calendar, or (<see cref="Review"/>) the sweep of that day must look at it
/// because new data or a re-plan changed it.
/// </summary>
/// <param name="Day">The day of the change.</param>
/// <param name="Site">The site.</param>
/// <param name="StudyId">The study ID.</param>
/// <param name="TimePoint">The time point.</param>
/// <param name="State">The state the visit enters that day (if not completed or not required by then); for a review entry, its state that day when the entry was written.</param>
public sealed record ScheduleIndexEntry(DateOnly Day, string Site, string StudyId, string TimePoint, VisitState State)
{
    /// <summary>
    /// Whether the entry asks the sweep of <see cref="Day"/> to review the visit rather than
    /// marking a calendar transition. Review entries are never removed when the visit's dates
    /// move: the sweep reads the visit itself, so a stale one costs one read and nothing else.
    /// </summary>
    public bool Review { get; init; }
}

/// <summary>
/// The follow-up schedule: one row per expected visit (partitioned by site), plus a date
/// index partitioned by the day a state changes, so the daily sweep reads only that day's
/// partition whatever the registry's size.
/// </summary>
public interface IScheduleStore
{
    /// <summary>The expected visits of one patient.</summary>
    Task<IReadOnlyList<ScheduledVisit>> GetPatientAsync(string site, string studyId, CancellationToken cancellationToken = default);

    /// <summary>Reads one expected visit, or null.</summary>
    Task<ScheduledVisit?> GetAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default);

    /// <summary>
    /// The expected visits of several patients of one site, by study ID: every asked ID is a
    /// key, with an empty list for a patient who has none. One read for the group where the
    /// store can (the ingest's schedule step reads 200 patients at a time).
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ScheduledVisit>>> GetPatientsAsync(string site, IReadOnlyCollection<string> studyIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes expected visits (insert or replace) and keeps the date index in step: index
    /// rows for days a visit no longer changes on (its dates moved) are removed.
    /// </summary>
    /// <param name="visits">The visits to write, each (site, study ID, time point) once.</param>
    /// <param name="stored">
    /// The stored visits of the same patients, as the caller has just read them: at least the
    /// stored version of every visit in <paramref name="visits"/> that has one (others are
    /// ignored). The index rows to remove are those only a stored version has, so a caller
    /// that planned from a read passes it rather than having the store read it again; one that
    /// has not read uses <see cref="ScheduleStoreExtensions.UpsertAsync(IScheduleStore, IReadOnlyList{ScheduledVisit}, CancellationToken)"/>.
    /// </param>
    /// <param name="indexFrom">
    /// Null to index every calendar transition of the visits; otherwise index only
    /// <see cref="ScheduledVisit.CalendarTransitionsFrom"/> this day, and remove only the stored
    /// versions' index rows from this day on (older ones are left: a stale index row costs the
    /// sweep one read of the visit and nothing else). A writer that passes a day must mark for
    /// review on that day every visit whose state then came from an earlier transition
    /// (<see cref="PatientScheduleWriter.MarkAsync"/> does): a sweep catching up over the
    /// earlier days finds it through that mark instead.
    /// </param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task UpsertAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<ScheduledVisit> stored, DateOnly? indexFrom, CancellationToken cancellationToken = default);

    /// <summary>Removes some of a patient's expected visits and their index rows (time points dropped from the protocol). Idempotent.</summary>
    Task DeleteVisitsAsync(string site, string studyId, IReadOnlyCollection<string> timePoints, CancellationToken cancellationToken = default);

    /// <summary>Removes a patient's expected visits and their index rows (withdrawal). Idempotent.</summary>
    Task DeletePatientAsync(string site, string studyId, CancellationToken cancellationToken = default);

    /// <summary>Every expected visit of a site.</summary>
    IAsyncEnumerable<ScheduledVisit> ListSiteAsync(string site, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds review entries for visits to the date index partitions of <paramref name="days"/>
    /// (insert or replace; idempotent), so the sweep of each of those days reads them
    /// although no calendar transition falls on it. The ingest marks what a batch changed,
    /// a re-plan what it moved: a visit that was already due, overdue or missed when its data
    /// arrived has its transitions in the past, where no future sweep would look.
    /// </summary>
    Task MarkForReviewAsync(IReadOnlyList<ScheduledVisit> visits, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken = default);

    /// <summary>Reads the date index partition of one day (the daily sweep's only read of the schedule).</summary>
    IAsyncEnumerable<ScheduleIndexEntry> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default);
}
