using Azure.Data.Tables;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Schedule;

/// <summary>
/// The reminder log on <c>reminderlog</c>: PK = site, RK = <c>studyId|timePoint</c>, holding
/// the last state announced for that visit; plus one watermark row (PK <c>sweep</c>, RK
/// <c>last-swept-day</c>). A notice RowKey always contains the separator and the watermark's
/// never does, so the two can never collide whatever a site is called.
/// </summary>
public sealed class TableReminderLog(RegistryStorageClients clients) : IReminderLog
{
    private const string WatermarkPartition = "sweep";
    private const string WatermarkRow = "last-swept-day";

    /// <inheritdoc />
    public async Task<DateOnly?> GetLastSweptDayAsync(CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Table, WatermarkPartition, WatermarkRow, cancellationToken);
        return entity is null ? null : entity.RequireDay("Day");
    }

    /// <inheritdoc />
    public Task SetLastSweptDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        TableWriter.UpsertAsync(Table, [new TableEntity(WatermarkPartition, WatermarkRow) { ["Day"] = EntityReading.DayText(day) }], cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderNotice?> GetLastNoticeAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Table, TableKey.Of(site), TableKey.Of(studyId, timePoint), cancellationToken);
        return entity is null ? null : new ReminderNotice(entity.RequireEnum<VisitState>("State"), entity.RequireDay("Day"));
    }

    /// <inheritdoc />
    public Task RecordNoticeAsync(string site, string studyId, string timePoint, ReminderNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var entity = new TableEntity(TableKey.Of(site), TableKey.Of(studyId, timePoint))
        {
            ["Site"] = site,
            ["StudyId"] = studyId,
            ["TimePoint"] = timePoint,
            ["State"] = notice.State.ToString(),
            ["Day"] = EntityReading.DayText(notice.Day),
        };
        return TableWriter.UpsertAsync(Table, [entity], cancellationToken);
    }

    private TableClient Table => clients.Table(RegistryTables.ReminderLog);
}
