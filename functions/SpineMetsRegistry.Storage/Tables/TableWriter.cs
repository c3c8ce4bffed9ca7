using Azure;
using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// Idempotent bulk writes: upserts (replace) and deletes in entity-group transactions, so a
/// retried write rewrites the same rows instead of duplicating them, and a retried delete
/// of rows already gone succeeds.
/// </summary>
internal static class TableWriter
{
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

        foreach (var chunk in TransactionChunker.Chunk(actions))
        {
            await SubmitAsync(table, chunk, cancellationToken);
        }
    }

    /// <summary>Deletes the entities with these keys; keys already absent are fine.</summary>
    public static async Task DeleteAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var actions = keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey), ETag.All));
        foreach (var chunk in TransactionChunker.Chunk(actions))
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
