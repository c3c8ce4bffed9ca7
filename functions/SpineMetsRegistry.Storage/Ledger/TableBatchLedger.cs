using System.Runtime.CompilerServices;
using Azure.Data.Tables;
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
    /// <remarks>
    /// The summary is written only if it is still the row just read (ETag-conditional, or
    /// insert-only when there was none), so a writer that read before the batch completed
    /// cannot land after it: on a conflict the row is read again and the check repeated.
    /// </remarks>
    public async Task<bool> RecordAsync(BatchLedgerEntry summary, BatchLedgerEvent status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(status);
        var partition = TableKey.Of(summary.Site);
        var rowKey = LedgerRows.SummaryKey(summary.BatchKey);
        var statusRow = LedgerRows.ToEvent(summary.Site, summary.BatchKey, status);
        var summaryRow = LedgerRows.ToSummary(summary);
        EntityLimits.Check(Table.Name, statusRow);
        EntityLimits.Check(Table.Name, summaryRow);
        for (var attempt = 1; ; attempt++)
        {
            var current = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            if (current.HasValue && BatchLedgerRules.IsFinal(LedgerRows.FromSummary(current.Value!).Status, status.Status))
            {
                return false;
            }

            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpsertReplace, statusRow),
                current.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, summaryRow, current.Value!.ETag)
                    : new(TableTransactionActionType.Add, summaryRow),
            ];
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException conflict) when (conflict.Status is AzureStatus.Conflict or AzureStatus.PreconditionFailed && attempt < MaxAttempts)
            {
                // Another writer changed the summary since it was read: read it again.
            }
        }
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

    // Concurrent writers of one batch are its activities (a handful): a few rounds settle them.
    private const int MaxAttempts = 10;

    private TableClient Table => clients.Table(RegistryTables.Ledger);
}
