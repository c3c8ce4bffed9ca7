using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// Splits table writes into valid entity-group transactions: one PartitionKey each, at most
/// 100 operations, each entity at most once, and a request body under the 4 MiB limit.
/// Order is kept within a partition.
/// </summary>
internal static class TransactionChunker
{
    /// <summary>Operations per transaction.</summary>
    public const int MaxOperations = 100;

    /// <summary>
    /// The request body budget: under the service's 4 MiB with room for the multipart
    /// framing that <see cref="EntityLimits.PayloadBytes"/> does not count exactly.
    /// </summary>
    public const long MaxPayloadBytes = (4L * 1024 * 1024) - (256 * 1024);

    /// <summary>Groups the operations into transactions.</summary>
    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Chunk(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var chunks = new List<IReadOnlyList<TableTransactionAction>>();
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var current = new List<TableTransactionAction>();
            long payload = 0;
            foreach (var action in partition)
            {
                if (!seen.Add(action.Entity.RowKey))
                {
                    throw new ArgumentException(
                        $"The same entity (PartitionKey '{action.Entity.PartitionKey}', RowKey '{action.Entity.RowKey}') appears twice in one write; each entity may be written once.",
                        nameof(actions));
                }

                var bytes = EntityLimits.PayloadBytes(action.Entity);
                if (current.Count == MaxOperations || (current.Count > 0 && payload + bytes > MaxPayloadBytes))
                {
                    chunks.Add(current);
                    current = [];
                    payload = 0;
                }

                current.Add(action);
                payload += bytes;
            }

            if (current.Count > 0)
            {
                chunks.Add(current);
            }
        }

        return chunks;
    }
}
