using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.LocalHost.Engine;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.Benchmarks.Ingest;

/// <summary>
/// <c>ingest --rows N --sites S</c>: N generated rows, one batch per site, uploaded at once
/// to the local registry on Azurite running the Durable Task engine, timed from the first
/// upload until every batch's receipt is written. Then the ceiling, in the same run: every
/// entity the pipeline stored in the registry's tables, written again straight into fresh
/// tables with entity-group transactions (100 entities, one partition each), with as many
/// writes in flight as the engine runs activities at once.
/// </summary>
internal static class IngestBenchmark
{
    private const string PipelinePrefix = "ing";
    private const string CeilingPrefix = "ceil";
    private const int TransactionLimit = 100;

    public static async Task<int> RunAsync(int rows, int sites)
    {
        Console.WriteLine(MachineLine.Now());
        await using var registry = await LocalRegistry.StartAsync(sites);
        var batches = registry.Sites.Select((site, i) => (Site: site, Csv: GeneratedBatch.Csv(RowsOf(rows, sites, i), site, seed: 42 + i))).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} rows in {sites} batches (one per site), {batches.Sum(b => b.Csv.Length) / 1048576.0:F1} MiB"));

        using var requests = new StorageRequestTally(registry.ConnectionString);
        requests.Start();
        var pipeline = await PipelineAsync(registry, batches);
        var requestLines = requests.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline: {pipeline.Seconds:F1} s until every receipt, {rows / pipeline.Seconds:F0} rows/s ({pipeline.Accepted:N0} records stored, {pipeline.Failed} batch(es) failed; load average {MachineLine.LoadAverage()})"));
        foreach (var line in pipeline.Steps.Concat(requestLines))
        {
            Console.WriteLine(line);
        }

        var concurrency = new EngineSettings().MaxConcurrentActivities;
        var ceiling = await CeilingAsync(registry.ConnectionString, concurrency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling: {ceiling.Entities:N0} entities of {ceiling.Tables} tables in {ceiling.Transactions:N0} transactions, {concurrency} in flight: {ceiling.Seconds:F1} s, {ceiling.Entities / ceiling.Seconds:F0} entities/s, {rows / ceiling.Seconds:F0} rows/s (load average {MachineLine.LoadAverage()})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline/ceiling ratio: {ceiling.Seconds / pipeline.Seconds:F2}"));
        return pipeline.Failed == 0 ? 0 : 1;
    }

    private static int RowsOf(int rows, int sites, int index) => (rows / sites) + (index < rows % sites ? 1 : 0);

    private static async Task<PipelineResult> PipelineAsync(LocalRegistry registry, List<(string Site, byte[] Csv)> batches)
    {
        await using var host = await registry.StartHostAsync(PipelinePrefix);
        var landing = host.Services.GetRequiredService<ILandingBlobs>();
        var ledger = host.Services.GetRequiredService<IBatchLedger>();
        var clock = Stopwatch.StartNew();
        var keys = await Task.WhenAll(batches.Select(b => LocalRegistry.UploadAsync(landing, b.Site, "ingest-" + b.Site, b.Csv)));
        var accepted = 0;
        var failed = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            BatchLedgerEntry? entry;
            while ((entry = await ledger.GetAsync(batches[i].Site, keys[i].Value))?.Status is not (BatchStatus.Completed or BatchStatus.Failed))
            {
                await Task.Delay(100);
            }

            while (entry.Status == BatchStatus.Completed && await landing.GetAsync(batches[i].Site, LandingArea.Reports, BatchBlobNames.Receipt(keys[i].Value)) is null)
            {
                await Task.Delay(50);
            }

            accepted += entry.Validation?.Accepted ?? 0;
            failed += entry.Status == BatchStatus.Failed ? 1 : 0;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var steps = new List<string>();
        for (var i = 0; i < keys.Length; i++)
        {
            steps.Add(LedgerSteps.Durations(batches[i].Site, await ledger.HistoryAsync(batches[i].Site, keys[i].Value)));
        }

        return new PipelineResult(seconds, accepted, failed, steps);
    }

    private static async Task<CeilingResult> CeilingAsync(string connectionString, int concurrency)
    {
        var service = new TableServiceClient(connectionString);
        var hub = PipelinePrefix + TaskHubNames.Default;
        var tables = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (table.Name.StartsWith(PipelinePrefix, StringComparison.OrdinalIgnoreCase) && !table.Name.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(table.Name);
            }
        }

        // Read first (not timed): the entities as the pipeline stored them, in transactions of
        // at most 100 entities of one partition.
        var work = new List<(TableClient Table, List<TableTransactionAction> Actions)>();
        var entities = 0;
        foreach (var name in tables)
        {
            var source = service.GetTableClient(name);
            var target = service.GetTableClient(CeilingPrefix + name[PipelinePrefix.Length..]);
            await target.CreateIfNotExistsAsync();
            var byPartition = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
            await foreach (var entity in source.QueryAsync<TableEntity>())
            {
                if (!byPartition.TryGetValue(entity.PartitionKey, out var list))
                {
                    byPartition[entity.PartitionKey] = list = [];
                }

                entity.ETag = default;
                list.Add(entity);
                entities++;
            }

            foreach (var partition in byPartition.Values)
            {
                work.AddRange(partition.Chunk(TransactionLimit).Select(chunk => (target, chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList())));
            }
        }

        var clock = Stopwatch.StartNew();
        var queue = new ConcurrentQueue<(TableClient Table, List<TableTransactionAction> Actions)>(work);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var item))
            {
                await item.Table.SubmitTransactionAsync(item.Actions);
            }
        }));
        return new CeilingResult(clock.Elapsed.TotalSeconds, entities, tables.Count, work.Count);
    }

    private sealed record PipelineResult(double Seconds, int Accepted, int Failed, IReadOnlyList<string> Steps);

    private sealed record CeilingResult(double Seconds, int Entities, int Tables, int Transactions);
}
