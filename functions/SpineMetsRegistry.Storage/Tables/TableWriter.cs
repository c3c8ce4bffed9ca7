using Azure;
using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// Idempotent bulk writes: upserts (replace) and deletes in entity-group transactions, so a
/// retried write rewrites the same rows instead of duplicating them, and a retried delete
/// of rows already gone succeeds.
/// <para>
/// The transactions of one write are sent <see cref="TransactionsInFlight"/> at a time. They
/// touch different entities (<see cref="TransactionChunker"/> refuses an entity twice), so
/// their order changes nothing, and a crash part-way leaves a subset of them written, which a
/// retry of the same write completes, exactly as when they were sent one by one. A write of
/// many small partitions (the schedule's date index has one per day) was one round trip after
/// another before.
/// </para>
/// </summary>
internal static class TableWriter
{
    /// <summary>
    /// Transactions of one write in flight at once: the ingest's chunk wave, and what the
    /// <c>ingest</c> benchmark's storage ceiling is measured with.
    /// </summary>
    public const int TransactionsInFlight = 8;

    /// <summary>Inserts or replaces the entities, checking each against the entity limits first.</summary>
    public static async Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var actions = new List<TableTransactionAction>();
        foreach (var entity in entities)
        {
            EntityLimits.Check(table.Name, entity);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        await SubmitAllAsync(TransactionChunker.Chunk(actions), chunk => SubmitAsync(table, chunk, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes the entities with these keys; keys already absent are fine.</summary>
    public static async Task DeleteAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var actions = keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey), ETag.All));
        await SubmitAllAsync(TransactionChunker.Chunk(actions), chunk => DeleteChunkAsync(table, chunk, cancellationToken), cancellationToken);
    }

    private static async Task DeleteChunkAsync(TableClient table, IReadOnlyList<TableTransactionAction> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await SubmitAsync(table, chunk, cancellationToken);
        }
        catch (TableTransactionFailedException failed) when (failed.Status == AzureStatus.NotFound)
        {
            // A row of the chunk vanished since it was listed (a concurrent or earlier
            // partial delete) and a transaction fails whole: delete one by one, which
            // treats a missing row as deleted.
            foreach (var action in chunk)
            {
                await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
            }
        }
    }

    private static async Task SubmitAllAsync(
        IReadOnlyList<IReadOnlyList<TableTransactionAction>> chunks,
        Func<IReadOnlyList<TableTransactionAction>, Task> submit,
        CancellationToken cancellationToken)
    {
        if (chunks.Count == 1)
        {
            await submit(chunks[0]);
            return;
        }

        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = TransactionsInFlight, CancellationToken = cancellationToken },
            async (chunk, _) => await submit(chunk));
    }

    private static async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 1)
        {
            // A single operation needs no transaction (and avoids batch quirks of emulators).
            var only = chunk[0];
            if (only.ActionType == TableTransactionActionType.Delete)
            {
                await table.DeleteEntityAsync(only.Entity.PartitionKey, only.Entity.RowKey, ETag.All, cancellationToken);
            }
            else
            {
                await table.UpsertEntityAsync(only.Entity, TableUpdateMode.Replace, cancellationToken);
            }

            return;
        }

        await table.SubmitTransactionAsync(chunk, cancellationToken);
    }
}
