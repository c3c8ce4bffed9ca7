using Azure.Data.Tables;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Schedule;

/// <summary>
/// The schedule's two row shapes. <c>schedule</c>: PK = site, RK = <c>studyId|timePoint</c>,
/// one per expected visit. <c>scheduleindex</c>: PK = the day (<c>yyyy-MM-dd</c>), RK =
/// <c>site|studyId|timePoint|state</c>, one per <see cref="ScheduledVisit.CalendarTransitions"/>
/// entry, so the sweep reads one day's partition and nothing else; review entries (new data,
/// a re-plan) have RK <c>site|studyId|timePoint|review</c>, which no state is called, so a
/// review entry and a transition of the same visit and day never overwrite each other.
/// </summary>
internal static class ScheduleRows
{
    public static string PartitionOf(string site) => TableKey.Of(site);

    public static string RowOf(string studyId, string timePoint) => TableKey.Of(studyId, timePoint);

    public static TableEntity ToEntity(ScheduledVisit visit)
    {
        var entity = new TableEntity(PartitionOf(visit.Site), RowOf(visit.StudyId, visit.TimePoint))
        {
            ["Site"] = visit.Site,
            ["StudyId"] = visit.StudyId,
            ["TimePoint"] = visit.TimePoint,
            ["IndexDate"] = EntityReading.DayText(visit.IndexDate),
            ["TargetDay"] = visit.TargetDay,
            ["WindowBeforeDays"] = visit.WindowBeforeDays,
            ["WindowAfterDays"] = visit.WindowAfterDays,
            ["UpcomingLeadDays"] = visit.UpcomingLeadDays,
            ["ProtocolFingerprint"] = visit.ProtocolFingerprint,
        };
        entity.SetIfPresent("CompletedDay", visit.CompletedDay);
        entity.SetIfPresent("DeathDay", visit.DeathDay);
        return entity;
    }

    public static ScheduledVisit FromEntity(TableEntity entity) => new()
    {
        Site = entity.RequireString("Site"),
        StudyId = entity.RequireString("StudyId"),
        TimePoint = entity.RequireString("TimePoint"),
        IndexDate = entity.RequireDay("IndexDate"),
        TargetDay = entity.RequireInt32("TargetDay"),
        WindowBeforeDays = entity.RequireInt32("WindowBeforeDays"),
        WindowAfterDays = entity.RequireInt32("WindowAfterDays"),
        UpcomingLeadDays = entity.RequireInt32("UpcomingLeadDays"),
        ProtocolFingerprint = entity.RequireString("ProtocolFingerprint"),
        CompletedDay = entity.GetInt32("CompletedDay"),
        DeathDay = entity.GetInt32("DeathDay"),
    };

    /// <summary>The index rows of a visit: exactly its calendar transitions (those from <paramref name="from"/> that change its state, if given).</summary>
    public static IEnumerable<TableEntity> IndexEntities(ScheduledVisit visit, DateOnly? from) =>
        Transitions(visit, from).Select(t => new TableEntity(EntityReading.DayText(t.Day), IndexRowOf(visit, t.State))
        {
            ["Day"] = EntityReading.DayText(t.Day),
            ["Site"] = visit.Site,
            ["StudyId"] = visit.StudyId,
            ["TimePoint"] = visit.TimePoint,
            ["State"] = t.State.ToString(),
        });

    /// <summary>The keys of a visit's index rows (see <see cref="IndexEntities"/>).</summary>
    public static IEnumerable<(string PartitionKey, string RowKey)> IndexKeys(ScheduledVisit visit, DateOnly? from = null) =>
        Transitions(visit, from).Select(t => (EntityReading.DayText(t.Day), IndexRowOf(visit, t.State)));

    private static IReadOnlyList<(DateOnly Day, VisitState State)> Transitions(ScheduledVisit visit, DateOnly? from) =>
        from is { } day ? visit.CalendarTransitionsFrom(day) : visit.CalendarTransitions();

    /// <summary>The review entries of visits on days.</summary>
    public static IEnumerable<TableEntity> ReviewEntities(IEnumerable<ScheduledVisit> visits, IEnumerable<DateOnly> days) =>
        from visit in visits
        from day in days
        select new TableEntity(EntityReading.DayText(day), TableKey.Of(visit.Site, visit.StudyId, visit.TimePoint, ReviewMarker))
        {
            ["Day"] = EntityReading.DayText(day),
            ["Site"] = visit.Site,
            ["StudyId"] = visit.StudyId,
            ["TimePoint"] = visit.TimePoint,
            ["State"] = visit.StateOn(day).ToString(),
            ["Review"] = true,
        };

    /// <summary>The register rows recording on which days a patient's visits were marked for review.</summary>
    public static IEnumerable<TableEntity> ReviewRegisterEntities(IEnumerable<ScheduledVisit> visits, IEnumerable<DateOnly> days) =>
        from visit in visits
        from day in days
        select new TableEntity(PartitionOf(visit.Site), TableKey.Of(visit.StudyId, visit.TimePoint, EntityReading.DayText(day)))
        {
            ["Site"] = visit.Site,
            ["StudyId"] = visit.StudyId,
            ["TimePoint"] = visit.TimePoint,
            ["Day"] = EntityReading.DayText(day),
        };

    /// <summary>The index key of a review entry, from its register row.</summary>
    public static (string PartitionKey, string RowKey) ReviewIndexKeyOf(TableEntity register) =>
        (register.RequireString("Day"), TableKey.Of(register.RequireString("Site"), register.RequireString("StudyId"), register.RequireString("TimePoint"), ReviewMarker));

    public static ScheduleIndexEntry FromIndexEntity(TableEntity entity) =>
        new(
            entity.RequireDay("Day"),
            entity.RequireString("Site"),
            entity.RequireString("StudyId"),
            entity.RequireString("TimePoint"),
            entity.RequireEnum<VisitState>("State"))
        {
            Review = entity.GetBoolean("Review") ?? false,
        };

    private const string ReviewMarker = "review";

    private static string IndexRowOf(ScheduledVisit visit, VisitState state) =>
        TableKey.Of(visit.Site, visit.StudyId, visit.TimePoint, state.ToString());
}
