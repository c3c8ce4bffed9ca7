using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Audit;

/// <summary>
/// The append-only audit log on the <c>audit</c> table: PK = the entry's UTC day
/// (<c>yyyy-MM-dd</c>), RK = <c>&lt;UTC time, sortable&gt;|&lt;id&gt;</c>, so a day reads in time
/// order from one partition. Entries are only ever inserted, never replaced or deleted.
/// <para>
/// Idempotency: the id of an entry with an idempotency key is the key's SHA-256, and the
/// <c>auditkeys</c> table (PK = first two hex digits of the hash, RK = the hash) remembers
/// where that entry was placed. A repeated append, even with a different time (an activity
/// retried later), finds the reservation and writes nothing new: the entry exists once, at
/// the first attempt's place. Entries without a key get a random id.
/// </para>
/// </summary>
public sealed class TableAuditLog(RegistryStorageClients clients) : IAuditLog
{
    /// <inheritdoc />
    public async Task AppendAsync(AuditEntry entry, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (idempotencyKey is null)
        {
            await InsertAsync(ToEntity(entry, DayOf(entry.At), RowOf(entry.At, "r" + Guid.NewGuid().ToString("N"))), cancellationToken);
            return;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        var (day, row) = await ReserveAsync(hash, DayOf(entry.At), RowOf(entry.At, "k" + hash), cancellationToken);

        // The reservation may come from an earlier attempt that stopped before writing the
        // entry: insert it now at the reserved place; if it is there already, nothing changes.
        await InsertAsync(ToEntity(entry, day, row), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in TableQueries.PartitionAsync(Entries, EntityReading.DayText(day), select: null, cancellationToken))
        {
            yield return new AuditEntry(
                entity.RequireDateTimeOffset("At"),
                entity.RequireString("Actor"),
                entity.RequireString("Action"),
                entity.RequireString("Target"),
                entity.RequireString("Outcome"),
                LongText.Read(entity, "Detail"));
        }
    }

    private async Task<(string Day, string Row)> ReserveAsync(string hash, string day, string row, CancellationToken cancellationToken)
    {
        var reservation = new TableEntity(hash[..2], hash) { ["Day"] = day, ["EntryRowKey"] = row };
        try
        {
            await Keys.AddEntityAsync(reservation, cancellationToken);
            return (day, row);
        }
        catch (Azure.RequestFailedException failed) when (failed.IsConflict())
        {
            var existing = await TableQueries.GetAsync(Keys, hash[..2], hash, cancellationToken)
                ?? throw new InvalidOperationException("An audit idempotency key reservation vanished; reservations are never deleted.");
            return (existing.RequireString("Day"), existing.RequireString("EntryRowKey"));
        }
    }

    private async Task InsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        EntityLimits.Check(Entries.Name, entity);
        try
        {
            await Entries.AddEntityAsync(entity, cancellationToken);
        }
        catch (Azure.RequestFailedException failed) when (failed.IsConflict())
        {
            // Written by an earlier attempt: append-only means it is left as it is.
        }
    }

    private static TableEntity ToEntity(AuditEntry entry, string day, string row)
    {
        var entity = new TableEntity(day, row)
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Target"] = entry.Target,
            ["Outcome"] = entry.Outcome,
        };
        LongText.Write(entity, "Detail", entry.Detail);
        return entity;
    }

    private static string DayOf(DateTimeOffset at) => EntityReading.DayText(DateOnly.FromDateTime(at.UtcDateTime));

    private static string RowOf(DateTimeOffset at, string id) =>
        TableKey.Of(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), id);

    private TableClient Entries => clients.Table(RegistryTables.Audit);

    private TableClient Keys => clients.Table(RegistryTables.AuditKeys);
}
