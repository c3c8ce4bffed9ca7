using System.Runtime.CompilerServices;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Ledger;

/// <summary>
/// The batch ledger on the <c>ledger</c> table (see <see cref="LedgerRows"/> for the keys).
/// A status is recorded in one entity-group transaction (the history row and the summary
/// share the site's partition), so the summary never claims a status the history lacks.
/// </summary>
public sealed class TableBatchLedger(RegistryStorageClients clients) : IBatchLedger
{
    /// <inheritdoc />
    public async Task<BatchLedgerEntry?> GetAsync(string site, string batchKey, CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Table, TableKey.Of(site), LedgerRows.SummaryKey(batchKey), cancellationToken);
        return entity is null ? null : LedgerRows.FromSummary(entity);
    }

    /// <inheritdoc />
    public async Task RecordAsync(BatchLedgerEntry summary, BatchLedgerEvent status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(status);
        await TableWriter.UpsertAsync(
            Table,
            [LedgerRows.ToEvent(summary.Site, summary.BatchKey, status), LedgerRows.ToSummary(summary)],
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Reads the site's summary rows (one RowKey range) and sorts them in memory: a site has at most thousands of batches.</remarks>
    public async IAsyncEnumerable<BatchLedgerEntry> ListAsync(string site, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var entries = new List<BatchLedgerEntry>();
        await foreach (var entity in TableQueries.RangeAsync(Table, TableKey.Of(site), LedgerRows.SummaryRange(), select: null, cancellationToken))
        {
            entries.Add(LedgerRows.FromSummary(entity));
        }

        foreach (var entry in entries.OrderByDescending(e => e.ReceivedAt).ThenBy(e => e.BatchKey, StringComparer.Ordinal))
        {
            yield return entry;
        }
    }

    /// <inheritdoc />
    /// <remarks>In time order; statuses recorded at the same instant in pipeline order.</remarks>
    public async Task<IReadOnlyList<BatchLedgerEvent>> HistoryAsync(string site, string batchKey, CancellationToken cancellationToken = default)
    {
        var events = new List<BatchLedgerEvent>();
        await foreach (var entity in TableQueries.RangeAsync(Table, TableKey.Of(site), LedgerRows.EventRange(batchKey), select: null, cancellationToken))
        {
            events.Add(LedgerRows.FromEvent(entity));
        }

        return [.. events.OrderBy(e => e.At).ThenBy(e => (int)e.Status)];
    }

    private Azure.Data.Tables.TableClient Table => clients.Table(RegistryTables.Ledger);
}
