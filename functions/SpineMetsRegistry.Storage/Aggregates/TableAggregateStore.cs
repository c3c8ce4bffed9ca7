using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Aggregates;

/// <summary>
/// Aggregates on the <c>aggregates</c> table: PK = scope ("pooled", "site:S01"), RK = name.
/// A scope is one partition, so the dashboard reads a scope with one partition scan and a
/// write of many aggregates of one scope is a handful of transactions. The JSON document
/// may exceed one string property (64 KiB) and is split across properties (up to the
/// entity's 1 MiB).
/// </summary>
public sealed class TableAggregateStore(RegistryStorageClients clients) : IAggregateStore
{
    private static readonly string[] NameColumn = ["PartitionKey", "RowKey", "Name"];

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<AggregateDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return TableWriter.UpsertAsync(Table, documents.Select(ToEntity), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AggregateDocument?> ReadAsync(string scope, string name, CancellationToken cancellationToken = default)
    {
        var entity = await TableQueries.GetAsync(Table, TableKey.Of(scope), TableKey.Of(name), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AggregateDocument> ListAsync(string scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in TableQueries.PartitionAsync(Table, TableKey.Of(scope), select: null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AggregateVersion> ListVersionsAsync(string scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Projected to the name: the service still returns each entity's ETag, which changes on every write.
        await foreach (var entity in TableQueries.PartitionAsync(Table, TableKey.Of(scope), NameColumn, cancellationToken))
        {
            yield return new AggregateVersion(entity.RequireString("Name"), entity.ETag.ToString());
        }
    }

    /// <inheritdoc />
    public async Task DeleteOthersAsync(string scope, IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = new HashSet<string>(keep, StringComparer.Ordinal);
        var stale = new List<(string, string)>();
        await foreach (var entity in TableQueries.PartitionAsync(Table, TableKey.Of(scope), NameColumn, cancellationToken))
        {
            if (!kept.Contains(entity.RequireString("Name")))
            {
                stale.Add((entity.PartitionKey, entity.RowKey));
            }
        }

        await TableWriter.DeleteAsync(Table, stale, cancellationToken);
    }

    private static TableEntity ToEntity(AggregateDocument document)
    {
        var entity = new TableEntity(TableKey.Of(document.Scope), TableKey.Of(document.Name))
        {
            ["Scope"] = document.Scope,
            ["Name"] = document.Name,
            ["RecordCount"] = document.RecordCount,
            ["ComputedAt"] = document.ComputedAt,
            ["SourceBatchKey"] = document.SourceBatchKey,
        };
        LongText.Write(entity, "Json", document.Json);
        return entity;
    }

    private static AggregateDocument FromEntity(TableEntity entity) =>
        new(
            entity.RequireString("Scope"),
            entity.RequireString("Name"),
            LongText.Read(entity, "Json") ?? throw new InvalidOperationException($"Aggregate ({entity.PartitionKey}, {entity.RowKey}) has no JSON."),
            entity.RequireInt32("RecordCount"),
            entity.RequireDateTimeOffset("ComputedAt"),
            entity.RequireString("SourceBatchKey"));

    private TableClient Table => clients.Table(RegistryTables.Aggregates);
}
