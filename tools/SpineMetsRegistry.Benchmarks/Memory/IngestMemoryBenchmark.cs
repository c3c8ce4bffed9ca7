using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Benchmarks.Memory;

/// <summary>
/// <c>memory --rows N[,M] [--process worker|local]</c>: the peak working set of the registry
/// process while it ingests one batch end to end (Durable Task engine, every activity:
/// validation, storing, aggregates, schedule, receipt), each size in a fresh process so the peak
/// is that batch's alone. The batch is written to disk first and uploaded from the file, so the
/// figure is the registry's, not the generator's. Azurite runs in its own (Node.js) process and
/// is not counted.
/// <para>
/// The process measured is, by default, the ingest worker (<see cref="MemoryProcess.Worker"/>):
/// what the Functions app runs in Azure, the queue processor, the engine and its activities; the
/// upload's BlobCreated event is put on the ingest queue as Event Grid puts it. With
/// <see cref="MemoryProcess.Local"/> it is the whole local host (the same plus the API, the
/// dashboard and the container watcher that stands in for Event Grid).
/// </para>
/// </summary>
internal static class IngestMemoryBenchmark
{
    public const string ChildCommand = "memory-child";

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes, MemoryProcess measured = MemoryProcess.Worker)
    {
        Console.WriteLine(MachineLine.Now());
        Console.WriteLine(measured == MemoryProcess.Worker
            ? "process measured: the ingest worker (queue processor, engine, activities; the upload's event enqueued as Event Grid does)"
            : "process measured: the whole local host (ingest worker, API, dashboard, container watcher)");
        var directory = Directory.CreateTempSubdirectory("spinemets-memory-");
        try
        {
            var results = new List<ChildResult>();
            foreach (var rows in sizes)
            {
                var file = Path.Combine(directory.FullName, string.Create(CultureInfo.InvariantCulture, $"batch-{rows}.csv"));
                GeneratedBatch.WriteCsvFile(file, rows);

                var result = await RunChildAsync(file, measured);
                results.Add(result);
                File.Delete(file);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows:N0} rows: {result.Status} after {result.Seconds:F1} s, {result.Accepted:N0} records stored, peak working set {result.PeakWorkingSetBytes / 1048576.0:F0} MiB, {result.CpuSeconds:F1} CPU s in the process, {result.GarbageCollections} (gen 0/1/2) (load average {MachineLine.LoadAverage()})"));
                Console.WriteLine("  " + result.Collector);
                Console.WriteLine(result.Steps);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  largest sample (every {SampleInterval.TotalMilliseconds:F0} ms): {result.SampledPeakBytes / 1048576.0:F0} MiB at {result.SampledPeakAt:HH:mm:ss} UTC, during {result.SampledPeakStep}"));
            }

            Console.WriteLine("| rows | peak working set MiB | x smallest | seconds | status |");
            Console.WriteLine("|---:|---:|---:|---:|---|");
            foreach (var result in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {result.Rows:N0} | {result.PeakWorkingSetBytes / 1048576.0:F0} | {(double)result.PeakWorkingSetBytes / results[0].PeakWorkingSetBytes:F2} | {result.Seconds:F1} | {result.Status} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak working set MiB: {results[^1].PeakWorkingSetBytes / 1048576.0:F0} at {results[^1].Rows:N0} rows (at {results[0].Rows:N0}: {results[0].PeakWorkingSetBytes / 1048576.0:F0}, ratio {(double)results[^1].PeakWorkingSetBytes / results[0].PeakWorkingSetBytes:F2})"));
            return results.All(r => r.Status == nameof(BatchStatus.Completed)) ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // What the measured process runs with: the runtime configuration its build wrote
    // (Directory.Build.targets), unless the environment overrides it.
    private static string CollectorLine() => string.Create(CultureInfo.InvariantCulture,
        $"garbage collector: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, System.GC.ConserveMemory {AppContext.GetData("System.GC.ConserveMemory") ?? "not set"} in the runtime configuration, DOTNET_GCConserveMemory {Environment.GetEnvironmentVariable("DOTNET_GCConserveMemory") ?? "not set"} in the environment");

    private static Task<ChildResult> RunChildAsync(string file, MemoryProcess measured) =>
        BenchmarkChild.RunForResultAsync<ChildResult>(ChildCommand, file, measured.ToString().ToLowerInvariant());

    /// <summary>In the child: one registry, one batch from <paramref name="file"/>, then the process's peak working set.</summary>
    public static async Task<int> MeasureInChildAsync(string file, MemoryProcess measured)
    {
        await using var sampler = new WorkingSetSampler(SampleInterval);
        await using var registry = await LocalRegistry.StartAsync(1);
        await using var host = await registry.StartHostAsync("mem", worker: measured == MemoryProcess.Worker);
        var landing = host.Services.GetRequiredService<ILandingBlobs>();
        var ledger = host.Services.GetRequiredService<IBatchLedger>();
        var rows = 0;
        using (var reader = new StreamReader(file))
        {
            while (await reader.ReadLineAsync() is not null)
            {
                rows++;
            }
        }

        var clock = Stopwatch.StartNew();
        var sha256 = await LocalRegistry.UploadFileAsync(landing, "S01", "memory.csv", file);
        if (measured == MemoryProcess.Worker)
        {
            // No watcher in a worker: announce the upload as Event Grid does in Azure.
            var blob = await LocalRegistry.IncomingBlobAsync(landing, "S01", "memory.csv");
            var json = BlobCreatedEventParser.CreateEventJson("devstoreaccount1", "S01", blob.Name, blob.ETag, blob.SizeBytes, DateTimeOffset.UtcNow, "memory-" + sha256[..16]);
            await host.Services.GetRequiredService<IIngestEventQueue>().SendAsync(json);
        }

        var key = BatchKey.Create("S01", "memory", sha256);
        var entry = await WaitForEndAsync(ledger, key);

        var seconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var history = await ledger.HistoryAsync("S01", key.Value);
        var (sampledPeak, sampledPeakAt) = sampler.Largest;
        Console.WriteLine(JsonSerializer.Serialize(new ChildResult(
            rows - 1, entry.Validation?.Accepted ?? 0, entry.Status.ToString(), seconds, process.PeakWorkingSet64,
            LedgerSteps.Durations("S01", history), sampledPeak, sampledPeakAt, LedgerSteps.StepAt(history, sampledPeakAt),
            process.TotalProcessorTime.TotalSeconds,
            string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections"),
            CollectorLine())));
        return 0;
    }

    // Polls the ledger until the batch ends. The poll is not what is measured: when the emulator
    // is saturated (a large single-site batch scans its partition on every request) a poll may
    // time out after the SDK's retries, which once ended a 50,000-row run after half an hour, so
    // failed polls are retried for up to ten minutes in a row before the run gives up.
    private static async Task<BatchLedgerEntry> WaitForEndAsync(IBatchLedger ledger, BatchKey key)
    {
        var failingSince = (DateTimeOffset?)null;
        while (true)
        {
            try
            {
                if (await ledger.GetAsync("S01", key.Value) is { Status: BatchStatus.Completed or BatchStatus.Failed } entry)
                {
                    return entry;
                }

                failingSince = null;
            }
            catch (Exception poll) when (poll is Azure.RequestFailedException or AggregateException or OperationCanceledException)
            {
                failingSince ??= DateTimeOffset.UtcNow;
                if (DateTimeOffset.UtcNow - failingSince > TimeSpan.FromMinutes(10))
                {
                    throw;
                }

                await Console.Error.WriteLineAsync($"ledger poll failed ({poll.GetType().Name}); polling again");
            }

            await Task.Delay(200);
        }
    }

    private sealed record ChildResult(
        int Rows, int Accepted, string Status, double Seconds, long PeakWorkingSetBytes,
        string Steps, long SampledPeakBytes, DateTimeOffset SampledPeakAt, string SampledPeakStep, double CpuSeconds, string GarbageCollections, string Collector);
}

/// <summary>Which process the <c>memory</c> benchmark measures.</summary>
internal enum MemoryProcess
{
    /// <summary>The ingest worker alone, as the Functions app runs in Azure.</summary>
    Worker,

    /// <summary>The whole local host: the worker plus the API, dashboard and container watcher.</summary>
    Local,
}
