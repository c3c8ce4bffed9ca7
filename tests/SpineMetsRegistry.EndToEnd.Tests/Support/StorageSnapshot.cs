using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.EndToEnd.Tests.Support;

/// <summary>
/// Everything a registry holds in one storage namespace: every entity of every table the
/// provisioner creates (all properties except the storage system properties Timestamp and
/// ETag), and every blob of every central container and of each site's landing container
/// (name, content type and bytes). Two snapshots compare entity by entity and blob by blob.
/// <para>
/// The workflow engine's own state (the task hub's tables and containers, named after
/// <see cref="TaskHubNames.Default"/>) is read apart, in <see cref="EngineRows"/> and
/// <see cref="EngineBlobs"/>: it is where a text must not be either (<see cref="Occurrences"/>
/// looks there too), but it is not part of what two runs compare (execution IDs, engine
/// timestamps, partition leases and how often a killed run replayed differ by nature).
/// Time columns of the registry's own tables are not normalised: tests that compare runs
/// give them one frozen clock, which the engine hands the activities as the workflow clock.
/// </para>
/// </summary>
internal sealed partial class StorageSnapshot
{
    private StorageSnapshot(SortedDictionary<string, string> rows, SortedDictionary<string, (string ContentType, byte[] Bytes)> blobs)
    {
        Rows = new(rows.Where(r => !IsEngine(r.Key)).ToDictionary(), StringComparer.Ordinal);
        Blobs = new(blobs.Where(b => !IsEngine(b.Key)).ToDictionary(), StringComparer.Ordinal);
        EngineRows = new(rows.Where(r => IsEngine(r.Key)).ToDictionary(), StringComparer.Ordinal);
        EngineBlobs = new(blobs.Where(b => IsEngine(b.Key)).ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>The task hub's entities (History, Instances, Partitions), by "table | PartitionKey | RowKey".</summary>
    public SortedDictionary<string, string> EngineRows { get; }

    /// <summary>The task hub's blobs (leases, large messages).</summary>
    public SortedDictionary<string, (string ContentType, byte[] Bytes)> EngineBlobs { get; }

    /// <summary>Each entity's canonical text, by "table | PartitionKey | RowKey".</summary>
    public SortedDictionary<string, string> Rows { get; }

    /// <summary>Each blob, by "container | name" (containers named by area or site, without prefixes).</summary>
    public SortedDictionary<string, (string ContentType, byte[] Bytes)> Blobs { get; }

    /// <summary>
    /// Reads every table and container that exists under the namespace's prefixes (what the
    /// provisioner created, found by listing the account rather than from a list of names).
    /// </summary>
    public static async Task<StorageSnapshot> ReadAsync(StorageNamespace storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = new List<string>();
        var tableService = new TableServiceClient(storage.ConnectionString);
        await foreach (var item in tableService.QueryAsync())
        {
            if (item.Name.StartsWith(storage.TablePrefix, StringComparison.Ordinal))
            {
                var table = item.Name[storage.TablePrefix.Length..];
                tables.Add(table);
                await foreach (var entity in tableService.GetTableClient(item.Name).QueryAsync<TableEntity>(maxPerPage: 1000))
                {
                    rows.Add($"{table} | {entity.PartitionKey} | {entity.RowKey}", Canonical(entity));
                }
            }
        }

        var blobs = new SortedDictionary<string, (string, byte[])>(StringComparer.Ordinal);
        var containers = new List<string>();
        var blobService = new BlobServiceClient(storage.ConnectionString);
        foreach (var prefix in new[] { storage.TablePrefix.ToLowerInvariant(), storage.ContainerPrefix })
        {
            await foreach (var item in blobService.GetBlobContainersAsync(prefix: prefix))
            {
                var container = item.Name[prefix.Length..];
                containers.Add(container);
                await ReadContainerAsync(blobService.GetBlobContainerClient(item.Name), container, blobs);
            }
        }

        return new StorageSnapshot(rows, blobs)
        {
            Tables = [.. tables.Where(t => !IsEngine(t)).Order(StringComparer.Ordinal)],
            Containers = [.. containers.Where(c => !IsEngine(c)).Order(StringComparer.Ordinal)],
            EngineTables = [.. tables.Where(IsEngine).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The tables found (names without the prefix).</summary>
    public IReadOnlyList<string> Tables { get; private init; } = [];

    /// <summary>The containers found (names without the prefixes: "intake", ..., "site-s01").</summary>
    public IReadOnlyList<string> Containers { get; private init; } = [];

    /// <summary>The task hub's tables found (names without the prefix).</summary>
    public IReadOnlyList<string> EngineTables { get; private init; } = [];

    /// <summary>The rows of one table.</summary>
    public IReadOnlyDictionary<string, string> Table(string logicalName) =>
        Rows.Where(r => r.Key.StartsWith(logicalName + " | ", StringComparison.Ordinal)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    /// <summary>The blob names of one container ("raw", "quarantine", "site-s01", ...).</summary>
    public IReadOnlyList<string> BlobNames(string container) =>
        [.. Blobs.Keys.Where(k => k.StartsWith(container + " | ", StringComparison.Ordinal)).Select(k => k[(container.Length + 3)..])];

    /// <summary>Where a text occurs: table rows and blobs (decoded as UTF-8), the engine's included, as "row ..." / "blob ...".</summary>
    public IReadOnlyList<string> Occurrences(string text) =>
    [
        .. Rows.Concat(EngineRows).Where(r => r.Value.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(r => "row " + r.Key),
        .. Blobs.Concat(EngineBlobs).Where(b => Encoding.UTF8.GetString(b.Value.Bytes).Contains(text, StringComparison.OrdinalIgnoreCase)).Select(b => "blob " + b.Key),
    ];

    /// <summary>
    /// The snapshot with every instant (ISO 8601 date and time, in keys, values and text
    /// blobs) replaced by a placeholder: for comparing runs of host processes, which run on
    /// the system clock. Days stay (both runs happen on the same day), and so does every other
    /// value, so what was stored, aggregated, scheduled and reported still compares exactly;
    /// the data-quality counts' upload-to-completed seconds are wall-clock durations and are
    /// replaced too.
    /// </summary>
    public StorageSnapshot WithoutInstants()
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Rows.Concat(EngineRows))
        {
            rows[Instant().Replace(key, "(instant)")] = ProcessingSeconds().Replace(Instant().Replace(value, "(instant)"), "\"processingSeconds\":(durations)");
        }

        var blobs = new SortedDictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var (key, (contentType, bytes)) in Blobs.Concat(EngineBlobs))
        {
            var text = Encoding.UTF8.GetString(bytes);
            blobs[Instant().Replace(key, "(instant)")] = (contentType, Encoding.UTF8.GetBytes(Instant().Replace(text, "(instant)")));
        }

        return new StorageSnapshot(rows, blobs) { Tables = Tables, Containers = Containers, EngineTables = EngineTables };
    }

    /// <summary>
    /// The snapshot without the one provenance column that depends on the order concurrent
    /// orchestrations finish in: which batch last recomputed an aggregate table
    /// (<c>SourceBatchKey</c> of the aggregates rows). The figures themselves still compare
    /// exactly. Likewise the batch part of the data-quality counts (which batches had finished
    /// when a site was last aggregated, and their wall-clock upload-to-completed times); their
    /// missing-field counts still compare exactly. For runs whose batches overlap (several in
    /// flight, several processes).
    /// </summary>
    public StorageSnapshot WithoutAggregateSources()
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Rows.Concat(EngineRows))
        {
            rows[key] = key.StartsWith("aggregates | ", StringComparison.Ordinal)
                ? DataQualityBatches().Replace(AggregateSource().Replace(value, "SourceBatchKey=(last batch); "), "\"batches\":(order-dependent)")
                : value;
        }

        return new StorageSnapshot(rows, new SortedDictionary<string, (string, byte[])>(Blobs.Concat(EngineBlobs).ToDictionary(), StringComparer.Ordinal))
        {
            Tables = Tables,
            Containers = Containers,
            EngineTables = EngineTables,
        };
    }

    /// <summary>Every difference between two snapshots, one line each (empty when equal).</summary>
    public static IReadOnlyList<string> Differences(StorageSnapshot expected, StorageSnapshot actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        foreach (var key in expected.Rows.Keys.Union(actual.Rows.Keys).Order(StringComparer.Ordinal))
        {
            var before = expected.Rows.GetValueOrDefault(key);
            var after = actual.Rows.GetValueOrDefault(key);
            if (before != after)
            {
                differences.Add($"row {key}:\n    expected {before ?? "(none)"}\n    actual   {after ?? "(none)"}");
            }
        }

        foreach (var key in expected.Blobs.Keys.Union(actual.Blobs.Keys).Order(StringComparer.Ordinal))
        {
            var before = expected.Blobs.TryGetValue(key, out var b) ? Describe(b) : "(none)";
            var after = actual.Blobs.TryGetValue(key, out var a) ? Describe(a) : "(none)";
            if (before != after)
            {
                differences.Add($"blob {key}: expected {before}, actual {after}");
            }
        }

        return differences;
    }

    /// <summary>Asserts two snapshots are equal, listing the differences when not.</summary>
    public static void AssertEqual(StorageSnapshot expected, StorageSnapshot actual, string context)
    {
        var differences = Differences(expected, actual);
        if (differences.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{context}: {differences.Count} difference(s):\n" + string.Join('\n', differences.Take(25)));
        }
    }

    private static async Task ReadContainerAsync(BlobContainerClient container, string label, SortedDictionary<string, (string, byte[])> blobs)
    {
        await foreach (var item in container.GetBlobsAsync())
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync();
            blobs.Add($"{label} | {item.Name}", (content.Value.Details.ContentType ?? string.Empty, content.Value.Content.ToArray()));
        }
    }

    private static string Describe((string ContentType, byte[] Bytes) blob) =>
        $"{blob.ContentType} {blob.Bytes.Length} bytes sha256 {Convert.ToHexStringLower(SHA256.HashData(blob.Bytes))[..16]}";

    private static bool IsEngine(string key) => key.StartsWith(TaskHubNames.Default, StringComparison.OrdinalIgnoreCase);

    private static string Canonical(TableEntity entity)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name is "odata.etag" or "Timestamp" or "PartitionKey" or "RowKey")
            {
                continue;
            }

            var rendered = value switch
            {
                null => "null",
                DateTimeOffset at => "DateTimeOffset:" + at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                DateTime at => "DateTime:" + at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                byte[] bytes => "Binary:" + Convert.ToBase64String(bytes),
                IFormattable formattable => value.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.GetType().Name + ":" + value,
            };
            text.Append(name).Append('=').Append(rendered).Append("; ");
        }

        return text.ToString();
    }


    [GeneratedRegex(@"""batches"":\[[0-9,]*\],""processingSeconds"":(?:\[(?:\[[^\]]*\],?)*\]|\(durations\))")]
    private static partial Regex DataQualityBatches();

    [GeneratedRegex(@"""processingSeconds"":\[(?:\[[^\]]*\],?)*\]")]
    private static partial Regex ProcessingSeconds();

    [GeneratedRegex(@"SourceBatchKey=String:[^;]*; ")]
    private static partial Regex AggregateSource();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Instant();
}
