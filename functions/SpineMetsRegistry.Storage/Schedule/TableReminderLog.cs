using Azure.Data.Tables;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Schedule;

/// <summary>
/// The reminder log on <c>reminderlog</c>: PK = site, RK = <c>studyId|timePoint</c>, holding
/// the last state announced for that visit; plus two rows in partition <c>sweep</c>: the
/// watermark (RK <c>last-swept-day</c>) and the protocol applied (RK <c>applied-protocol</c>).
/// A notice RowKey always contains the separator and those two never do, so they can never
/// collide whatever a site is called.
/// </summary>
public sealed class TableReminderLog(RegistryStorageClients clients) : IReminderLog
{
    private const string SweepPartition = "sweep";
    private const string WatermarkRow = "last-swept-day";
    private const string ProtocolRow = "applied-protocol";

    /// <inheritdoc />
    public async Task<SweepWatermark?> GetWatermarkAsync(CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Table, SweepPartition, WatermarkRow, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var firstDay = entity.GetString("FirstDayRead");
        return new SweepWatermark(entity.RequireDay("Day"), firstDay is null ? null : EntityReading.ParseDay(firstDay));
    }

    /// <inheritdoc />
    public Task SetWatermarkAsync(SweepWatermark watermark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watermark);
        var entity = new TableEntity(SweepPartition, WatermarkRow) { ["Day"] = EntityReading.DayText(watermark.LastDay) };
        entity.SetIfPresent("FirstDayRead", watermark.FirstDayRead is { } first ? EntityReading.DayText(first) : null);
        return TableWriter.UpsertAsync(Table, [entity], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> GetAppliedProtocolAsync(CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Table, SweepPartition, ProtocolRow, cancellationToken);
        return entity?.RequireString("Fingerprint");
    }

    /// <inheritdoc />
    public Task SetAppliedProtocolAsync(string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        return TableWriter.UpsertAsync(Table, [new TableEntity(SweepPartition, ProtocolRow) { ["Fingerprint"] = fingerprint }], cancellationToken);
    }

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
