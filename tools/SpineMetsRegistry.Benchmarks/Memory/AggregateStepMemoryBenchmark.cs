using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Server;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Storage.Aggregates;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Storage.Provisioning;

namespace SpineMetsRegistry.Benchmarks.Memory;

/// <summary>
/// <c>aggregate-memory --rows N[,M]</c>: the working set and managed heap of the aggregate step
/// alone (the site's tables, committee statistics and data quality, then the pooled ones) over a
/// generated site of each size, each in a fresh process. The site's records are read from a file
/// of their stored form (<see cref="StoredRecordFile"/>) one patient at a time; the aggregates are
/// written to and read from Azurite's tables. <c>memory</c> measures the whole ingest but cannot
/// reach a million rows here (storing a site's rows in the emulator slows with the partition's
/// size); this measures the one step whose state grows with the site up to a million rows, and
/// leaves out what <c>memory</c> covers: reading the records from the table, whose memory is one
/// page of patients at any site size.
/// </summary>
internal static class AggregateStepMemoryBenchmark
{
    public const string ChildCommand = "aggregate-memory-child";

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes)
    {
        Console.WriteLine(MachineLine.Now());
        var directory = Directory.CreateTempSubdirectory("spinemets-aggregate-memory-");
        try
        {
            var results = new List<ChildResult>();
            foreach (var rows in sizes)
            {
                var file = Path.Combine(directory.FullName, string.Create(CultureInfo.InvariantCulture, $"site-{rows}.jsonl"));
                var records = await StoredRecordFile.WriteAsync(file, rows);
                var result = await RunChildAsync(file, rows, records);
                File.Delete(file);
                results.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows:N0} rows ({result.Records:N0} stored records): site step {result.SiteSeconds:F1} s, pooled step {result.PooledSeconds:F1} s; working set {result.StartBytes / 1048576.0:F0} MiB before, largest {result.LargestBytes / 1048576.0:F0} MiB during; managed heap largest {result.LargestHeapBytes / 1048576.0:F0} MiB; {result.AllocatedBytes / 1048576.0:F0} MiB allocated, {result.Gen2Collections} gen-2 collections; committee statistics {result.StatisticsDocuments} documents, {result.StatisticsCharacters:N0} characters (load average {MachineLine.LoadAverage()})"));
            }

            Console.WriteLine("| rows | working set MiB, largest during the step | x smallest | managed heap MiB, largest | statistics characters | site + pooled seconds |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var result in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {result.Rows:N0} | {result.LargestBytes / 1048576.0:F0} | {(double)result.LargestBytes / results[0].LargestBytes:F2} | {result.LargestHeapBytes / 1048576.0:F0} | {result.StatisticsCharacters:N0} | {result.SiteSeconds + result.PooledSeconds:F1} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"aggregate step working set MiB: {results[^1].LargestBytes / 1048576.0:F0} at {results[^1].Rows:N0} rows (at {results[0].Rows:N0}: {results[0].LargestBytes / 1048576.0:F0}, ratio {(double)results[^1].LargestBytes / results[0].LargestBytes:F2})"));
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Task<ChildResult> RunChildAsync(string file, int rows, int records) =>
        BenchmarkChild.RunForResultAsync<ChildResult>(ChildCommand, file, rows.ToString(CultureInfo.InvariantCulture), records.ToString(CultureInfo.InvariantCulture));

    /// <summary>In the child: the aggregate step over the records of <paramref name="file"/>, sampled as it runs.</summary>
    public static async Task<int> MeasureInChildAsync(string file, int rows, int records)
    {
        var installation = await new AzuriteInstaller().EnsureInstalledAsync();
        await using var azurite = await AzuriteServer.StartAsync(installation, AzuriteServerOptions.InMemory);
        var clients = new RegistryStorageClients(new RegistryStorageOptions { ConnectionString = azurite.ConnectionString });
        await new RegistryStorageProvisioner(clients).EnsureCreatedAsync(["S01"]);
        var policies = RegistryPolicies.Create(new RegistryConfiguration
        {
            Sites = [new SiteConfiguration { Code = "S01", DisplayName = "S01", StudyIdPattern = GeneratedBatch.StudyIdPattern("S01") }],
        }).Value!;
        var aggregates = new TableAggregateStore(clients);
        var activity = new AggregateActivity(new StoredRecordFile.Store(file), aggregates, new TableBatchLedger(clients), policies);

        var start = WorkingSetSampler.SettledWorkingSet();
        var allocated = GC.GetTotalAllocatedBytes();
        var gen2 = GC.CollectionCount(2);
        double siteSeconds, pooledSeconds;
        long largest, largestHeap;
        await using (var sampler = new WorkingSetSampler(SampleInterval))
        {
            var clock = Stopwatch.StartNew();
            await activity.RecomputeSiteAsync("S01", "aggregate-memory", DateTimeOffset.UtcNow, CancellationToken.None);
            siteSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await activity.RecomputePooledAsync("aggregate-memory", DateTimeOffset.UtcNow, CancellationToken.None);
            pooledSeconds = clock.Elapsed.TotalSeconds;
            (largest, largestHeap) = (sampler.Largest.Bytes, sampler.LargestManagedHeap);
        }

        var documents = 0;
        long characters = 0;
        await foreach (var document in aggregates.ListAsync(StatisticsDocuments.StorageScope(AggregateScopes.Site("S01"))))
        {
            documents++;
            characters += document.Json.Length;
        }

        Console.WriteLine(JsonSerializer.Serialize(new ChildResult(
            rows, records, siteSeconds, pooledSeconds, start, largest, largestHeap,
            GC.GetTotalAllocatedBytes() - allocated, GC.CollectionCount(2) - gen2, documents, characters)));
        return 0;
    }

    private sealed record ChildResult(
        int Rows, int Records, double SiteSeconds, double PooledSeconds, long StartBytes, long LargestBytes, long LargestHeapBytes,
        long AllocatedBytes, int Gen2Collections, int StatisticsDocuments, long StatisticsCharacters);
}
