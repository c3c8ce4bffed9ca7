using Azure.Data.Tables;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// The only queries the adapters issue: a whole partition, or a RowKey range within one.
/// Simple <c>PartitionKey eq</c> / <c>RowKey ge/lt</c> filters are what Azurite supports
/// reliably, and they are the efficient queries in Azure too.
/// </summary>
internal static class TableQueries
{
    /// <summary>Every entity of a partition, in RowKey order.</summary>
    public static IAsyncEnumerable<TableEntity> PartitionAsync(TableClient table, string partitionKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), maxPerPage: 1000, select, cancellationToken);
    }

    /// <summary>The entities of a partition with <c>range.From</c> &lt;= RowKey &lt; <c>range.To</c>, in RowKey order.</summary>
    public static IAsyncEnumerable<TableEntity> RangeAsync(TableClient table, string partitionKey, (string From, string To) range, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {range.From} and RowKey lt {range.To}");
        return table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select, cancellationToken);
    }

    /// <summary>One entity, or null.</summary>
    public static async Task<TableEntity?> GetAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
