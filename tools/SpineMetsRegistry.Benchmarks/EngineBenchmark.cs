using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Azurite.Installation;
using SpineMetsRegistry.Azurite.Server;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows.Durable;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Benchmarks;

/// <summary>
/// <c>engine</c>: the local registry on the Durable Task engine over an in-memory Azurite,
/// with the laptop engine settings. Prints the median upload-to-receipt time of 10 uploads of
/// a 100-row batch, small batches completed per second with 1 and 2 workers (50 batches; the
/// second worker is a worker-mode host in the same process, on the same 2 cores), and the
/// task hub History rows a stored chunk adds (the slope between two batches, of 400 and 4,000
/// patients unless <c>--history-patients</c> says otherwise).
/// </summary>
internal static class EngineBenchmark
{
    private static readonly DateOnly AsOf = new(2026, 1, 15);
    private static int _studyNumber = 1;

    public static async Task<int> RunAsync(int batches, IReadOnlyList<int> historyPatients)
    {
        var installation = await new AzuriteInstaller().EnsureInstalledAsync();
        await using var azurite = await AzuriteServer.StartAsync(installation, AzuriteServerOptions.InMemory);
        var config = Path.Combine(Path.GetTempPath(), $"spinemets-engine-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(config, """{ "registryName": "spinemets", "sites": [ { "code": "S01", "displayName": "Site 01", "studyIdPattern": "^S01-[0-9]{5}$" } ] }""");
        try
        {
            await ReceiptLatencyAsync(azurite.ConnectionString, config);
            var one = await ThroughputAsync(azurite.ConnectionString, config, batches, workers: 1);
            var two = await ThroughputAsync(azurite.ConnectionString, config, batches, workers: 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {one:F2} batches/s with 1 worker, {two:F2} with 2 ({two / one:F2}x)"));
            return await HistoryRowsPerChunkAsync(azurite.ConnectionString, config, historyPatients) ? 0 : BenchmarkCommands.UsageError;
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static async Task ReceiptLatencyAsync(string connectionString, string config)
    {
        await using var host = await StartAsync(connectionString, config, "lat", worker: false);
        var landing = host.Services.GetRequiredService<ILandingBlobs>();
        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var (name, key) = await UploadAsync(landing, $"latency-{i:D2}", rows: 100);
            var clock = Stopwatch.StartNew();
            while (await landing.GetAsync("S01", LandingArea.Reports, BatchBlobNames.Receipt(key.Value)) is null)
            {
                await Task.Delay(20);
            }

            times.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: receipt after {clock.Elapsed.TotalSeconds:F2} s"));
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upload-to-receipt, 100-row batch: median {(times[4] + times[5]) / 2:F2} s (min {times[0]:F2}, max {times[^1]:F2}; includes the container watcher's 2 s scan interval)"));
    }

    private static async Task<double> ThroughputAsync(string connectionString, string config, int count, int workers)
    {
        var prefix = "tp" + workers.ToString(CultureInfo.InvariantCulture);
        await using var host = await StartAsync(connectionString, config, prefix, worker: false);
        await using var extra = workers > 1 ? await StartAsync(connectionString, config, prefix, worker: true) : null;
        var landing = host.Services.GetRequiredService<ILandingBlobs>();
        var ledger = host.Services.GetRequiredService<IBatchLedger>();
        var keys = new List<BatchKey>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            keys.Add((await UploadAsync(landing, $"small-{workers}-{i:D3}", rows: 10)).Key);
        }

        foreach (var key in keys)
        {
            while ((await ledger.GetAsync("S01", key.Value))?.Status is not (BatchStatus.Completed or BatchStatus.Failed))
            {
                await Task.Delay(50);
            }
        }

        var perSecond = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count} small batches with {workers} worker(s): {clock.Elapsed.TotalSeconds:F1} s, {perSecond:F2} batches/s"));
        return perSecond;
    }

    // False when the two batches stored as many chunks: the rows per chunk is a slope between them.
    private static async Task<bool> HistoryRowsPerChunkAsync(string connectionString, string config, IReadOnlyList<int> batchPatients)
    {
        await using var host = await StartAsync(connectionString, config, "hist", worker: false);
        var landing = host.Services.GetRequiredService<ILandingBlobs>();
        var ledger = host.Services.GetRequiredService<IBatchLedger>();
        var history = new TableServiceClient(connectionString).GetTableClient("hist" + TaskHubNames.Default + "History");
        var measured = new List<(int Chunks, int Rows)>();
        foreach (var patients in batchPatients)
        {
            var before = await CountAsync(history);
            var (_, key) = await UploadAsync(landing, $"history-{patients}", rows: patients);
            BatchLedgerEntry? entry;
            while ((entry = await ledger.GetAsync("S01", key.Value))?.Status is not (BatchStatus.Completed or BatchStatus.Failed))
            {
                await Task.Delay(200);
            }

            await Task.Delay(3000); // the orchestration records its completion after the ledger's
            var chunks = (int)Math.Ceiling(entry!.Validation!.Accepted / (double)ValidateActivity.ChunkSize);
            var rows = await CountAsync(history) - before;
            measured.Add((chunks, rows));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {entry.Validation.Accepted} records, {chunks} chunks: {rows} History rows"));
        }

        if (measured[1].Chunks == measured[0].Chunks)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"--history-patients {batchPatients[0]},{batchPatients[1]}: both batches stored {measured[0].Chunks} chunk(s) of {ValidateActivity.ChunkSize} records, so no rows per chunk can be told; give sizes further apart, e.g. 400,4000."));
            return false;
        }

        var perChunk = (measured[1].Rows - measured[0].Rows) / (double)(measured[1].Chunks - measured[0].Chunks);
        var fixedRows = measured[0].Rows - (perChunk * measured[0].Chunks);
        const int MillionRowChunks = 1_000_000 / ValidateActivity.ChunkSize;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"History rows per chunk: {perChunk:F2} (+{fixedRows:F0} per batch); a 1,000,000-row batch ({MillionRowChunks} chunks) leaves about {fixedRows + (perChunk * MillionRowChunks):F0} rows, at most {Pipeline.Ingest.Orchestration.ChunkSegments.ChunksPerSegment} chunks' worth in any one instance"));
        return true;
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    private static Task<LocalRegistryHost> StartAsync(string connectionString, string config, string prefix, bool worker) =>
        LocalRegistryHost.StartAsync(
            new LocalHostSettings
            {
                Port = 0,
                StorageConnectionString = connectionString,
                StateDirectory = Path.Combine(Path.GetTempPath(), "spinemets-engine-bench"),
                RegistryConfigurationFile = config,
                ScheduleDailySweep = false,
                StoragePrefix = prefix,
                Worker = worker,
            },
            ["--Logging:LogLevel:Default=Warning"]);

    private static async Task<(string Name, BatchKey Key)> UploadAsync(ILandingBlobs landing, string batchId, int rows)
    {
        var first = Interlocked.Add(ref _studyNumber, rows) - rows;
        var cohort = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = "S01",
            Patients = rows,
            AsOf = AsOf,
            Seed = first,
            FirstStudyNumber = first,
            StudyNumberDigits = 5,
        });
        var text = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticBatchWriter.WriteCsv(cohort, text);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        using var content = new MemoryStream(bytes);
        var name = batchId + ".csv";
        await landing.WriteAsync("S01", LandingArea.Incoming, name, content, "text/csv");
        return (name, BatchKey.Create("S01", batchId, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
    }
}
