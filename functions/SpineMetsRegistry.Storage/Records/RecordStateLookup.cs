using System.Collections.Concurrent;
using Azure.Data.Tables;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Records;

/// <summary>
/// Finds the stored states of a chunk's records with one RowKey range query per table instead
/// of a point read per record: a chunk's study IDs are adjacent in its file, so the range from
/// its smallest to its largest key holds little else. The scan is bounded: once it has read
/// <see cref="ScanBudget"/> entities more than it looks for (the IDs were not adjacent), the
/// keys it has not reached yet are read by point reads, so a scattered chunk costs at most a
/// bounded scan plus what the point reads alone would have cost. Either way the answer is
/// exact: every key up to the last one scanned was seen, every later one was read.
/// </summary>
internal static class RecordStateLookup
{
    /// <summary>Entities a range scan may read beyond the keys it looks for before it gives way to point reads.</summary>
    public const int ScanBudget = 250;

    // Point reads in flight at once for the keys a bounded scan did not reach.
    private const int PointReadParallelism = 16;

    private static readonly string[] StateAndKeyColumns = ["RowKey", .. RecordRows.StateColumns];

    /// <summary>The states of the records stored under <paramref name="rows"/> (RowKey to record ID) in one partition of one table.</summary>
    public static async Task<IReadOnlyList<(RecordId Id, StoredRecordState State)>> FindAsync(
        TableClient table,
        string partition,
        IReadOnlyDictionary<string, RecordId> rows,
        CancellationToken cancellationToken)
    {
        var found = new ConcurrentBag<(RecordId, StoredRecordState)>();
        if (rows.Count == 0)
        {
            return [];
        }

        var keys = rows.Keys.Order(StringComparer.Ordinal).ToList();
        string? lastScanned = null;
        var complete = false;
        if (keys.All(TableKey.SortsAsOrdinal)) // else every key by point read: the range could miss one
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
            (lastScanned, complete) = await BoundedScan.ReadAsync(
                table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, StateAndKeyColumns, cancellationToken),
                ScanBudget,
                entity =>
                {
                    if (!rows.TryGetValue(entity.RowKey, out var id))
                    {
                        return false;
                    }

                    found.Add((id, RecordRows.StateOf(entity)));
                    return true;
                });
        }

        if (!complete)
        {
            var remaining = lastScanned is null ? keys : keys.Where(k => string.CompareOrdinal(k, lastScanned) > 0).ToList();
            await Parallel.ForEachAsync(
                remaining,
                new ParallelOptions { MaxDegreeOfParallelism = PointReadParallelism, CancellationToken = cancellationToken },
                async (row, token) =>
                {
                    var entity = await TableQueries.GetAsync(table, partition, row, token, RecordRows.StateColumns);
                    if (entity is not null)
                    {
                        found.Add((rows[row], RecordRows.StateOf(entity)));
                    }
                });
        }

        return [.. found];
    }
}
