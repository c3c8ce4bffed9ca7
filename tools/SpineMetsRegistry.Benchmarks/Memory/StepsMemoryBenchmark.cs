using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Benchmarks.Memory;

/// <summary>
/// <c>steps-memory --rows N[,M]</c>: every step of one batch's ingest, in the order the workflow
/// runs them, in the ingest worker (the process <c>memory</c> measures, its engine idle), each
/// size in a fresh process, with the largest working set and managed heap of each step.
/// <para>
/// Why not <c>memory</c>: storing one site's rows in the emulator slows with the size of the
/// site's partition (Azurite's table store finds an entity by scanning its partition), so a
/// batch of a million rows end to end would take days here. The steps that hold anything that
/// grows with the batch (the copy into intake, validation with its reports and staged chunks,
/// the aggregate step over the whole site, the schedule plan over every patient) run whole at
/// each size. The two steps that the emulator makes slow are bounded per activity whatever the
/// batch (a chunk of 250 records, a group of 1,000 patients), so their first wave runs, as many
/// activities at once as the workflow runs (<see cref="ChunkSegments.ChunkWaveSize"/>,
/// <see cref="ScheduleSegments.GroupWaveSize"/>). The aggregate step reads the site's records from
/// a file of their stored form (<see cref="StoredRecordFile"/>, the same generated rows) instead
/// of the table, where only the first wave's records are; reading the table is one page of
/// patients at any size (<c>memory</c> covers it). Left out: the receipt step (the ledger and a
/// receipt of counts).
/// </para>
/// </summary>
internal static class StepsMemoryBenchmark
{
    public const string ChildCommand = "steps-memory-child";

    private const string Site = "S01";

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes)
    {
        Console.WriteLine(MachineLine.Now());
        Console.WriteLine("process measured: the ingest worker (engine idle), the batch's activities called in the workflow's order");
        var directory = Directory.CreateTempSubdirectory("spinemets-steps-memory-");
        try
        {
            var results = new List<ChildResult>();
            foreach (var rows in sizes)
            {
                var batch = Path.Combine(directory.FullName, string.Create(CultureInfo.InvariantCulture, $"steps-{rows}.csv"));
                GeneratedBatch.WriteCsvFile(batch, rows);

                var stored = Path.Combine(directory.FullName, string.Create(CultureInfo.InvariantCulture, $"stored-{rows}.jsonl"));
                await StoredRecordFile.WriteAsync(stored, rows);
                var result = await BenchmarkChild.RunForResultAsync<ChildResult>(ChildCommand, batch, stored);
                File.Delete(batch);
                File.Delete(stored);
                results.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows:N0} rows ({result.Accepted:N0} accepted; {result.Chunks:N0} chunks, a wave of {result.ChunkWave} stored; {result.Patients:N0} patients in {result.Groups:N0} groups, a wave of {result.GroupWave} scheduled): peak working set {result.PeakWorkingSetBytes / 1048576.0:F0} MiB (the site's upload included), {result.StartBytes / 1048576.0:F0} MiB before the first step, {result.CpuSeconds:F1} CPU s, {result.GarbageCollections} (load average {MachineLine.LoadAverage()})"));
                foreach (var step in result.Steps)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {step.Name}: {step.Seconds:F1} s, working set largest {step.LargestBytes / 1048576.0:F0} MiB, managed heap largest {step.LargestHeapBytes / 1048576.0:F0} MiB"));
                }
            }

            var first = results[0];
            Console.WriteLine("| step | " + string.Join(" | ", results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Rows:N0} rows: MiB (heap MiB), s"))) + " | x smallest |");
            Console.WriteLine("|---|" + string.Concat(results.Select(_ => "---:|")) + "---:|");
            for (var i = 0; i < first.Steps.Count; i++)
            {
                var index = i;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {first.Steps[index].Name} | {string.Join(" | ", results.Select(r => Cell(r.Steps[index])))} | {(double)results[^1].Steps[index].LargestBytes / first.Steps[index].LargestBytes:F2} |"));
            }

            // The steps' largest sample, not the process's peak: the site's upload, which runs in
            // this process before the first step, is not the worker's work.
            var (smallest, largest) = (first.Steps.Max(s => s.LargestBytes), results[^1].Steps.Max(s => s.LargestBytes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch steps working set MiB: {largest / 1048576.0:F0} at {results[^1].Rows:N0} rows (at {first.Rows:N0}: {smallest / 1048576.0:F0}, ratio {(double)largest / smallest:F2})"));
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Cell(StepFigure step) => string.Create(CultureInfo.InvariantCulture,
        $"{step.LargestBytes / 1048576.0:F0} ({step.LargestHeapBytes / 1048576.0:F0}), {step.Seconds:F1}");

    /// <summary>In the child: the worker, the batch of <paramref name="batchFile"/> step by step, the site's stored form from <paramref name="storedFile"/>.</summary>
    public static async Task<int> MeasureInChildAsync(string batchFile, string storedFile)
    {
        await using var registry = await LocalRegistry.StartAsync(1);
        await using var host = await registry.StartHostAsync("steps", worker: true);
        var services = host.Services;
        var activities = services.GetRequiredService<IngestActivities>();
        var landing = services.GetRequiredService<ILandingBlobs>();
        var rows = File.ReadLines(batchFile).Count() - 1;
        var sha256 = await LocalRegistry.UploadFileAsync(landing, Site, "steps.csv", batchFile);
        var blob = await LocalRegistry.IncomingBlobAsync(landing, Site, "steps.csv");
        var request = new IngestRequest(Site, blob.Name, blob.ETag, sha256, blob.SizeBytes);
        var batchKey = request.Key.Value;
        var at = DateTimeOffset.UtcNow;
        var step = new BatchStep(Site, batchKey, at);

        var start = WorkingSetSampler.SettledWorkingSet();
        var steps = new List<StepFigure>();
        await MeasureAsync(steps, "receive", () => activities.Receive.RunAsync(new ReceiveInput(request, at)));
        var validated = await MeasureAsync(steps, "validate + stage", () => activities.Validate.RunAsync(step));
        if (!validated.StoresRecords)
        {
            throw new InvalidOperationException($"The generated batch was not accepted ({validated.Decision}); nothing to measure after validation.");
        }

        var chunkWave = Math.Min(ChunkSegments.ChunkWaveSize, validated.ChunkCount);
        await MeasureAsync(steps, "store: the first wave of chunks", () =>
            Task.WhenAll(Enumerable.Range(0, chunkWave).Select(chunk => activities.StoreChunk.RunAsync(new ChunkStep(Site, batchKey, chunk, at)))));
        var aggregate = new AggregateActivity(
            new StoredRecordFile.Store(storedFile), services.GetRequiredService<IAggregateStore>(), services.GetRequiredService<IBatchLedger>(), services.GetRequiredService<RegistryPolicies>());
        await MeasureAsync(steps, "aggregate (site from the stored form, then pooled)", async () =>
        {
            await aggregate.RecomputeSiteAsync(Site, batchKey, at, CancellationToken.None);
            return await aggregate.RecomputePooledAsync(batchKey, at, CancellationToken.None);
        });
        var plan = await MeasureAsync(steps, "schedule plan (every patient)", () => activities.PlanSchedule.RunAsync(step));
        var groupWave = Math.Min(ScheduleSegments.GroupWaveSize, plan.Groups);
        await MeasureAsync(steps, "schedule: the first wave of groups", () =>
            Task.WhenAll(Enumerable.Range(0, groupWave).Select(group => activities.ScheduleGroup.RunAsync(new ScheduleGroupStep(Site, batchKey, group, at)))));

        using var self = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new ChildResult(
            rows, validated.Counts.Accepted, validated.ChunkCount, chunkWave, plan.Patients, plan.Groups, groupWave, start, self.PeakWorkingSet64,
            self.TotalProcessorTime.TotalSeconds,
            string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections"),
            steps)));
        return 0;
    }

    // Runs one step with a sampler of its own, so each step's largest sample is its alone.
    private static async Task<T> MeasureAsync<T>(List<StepFigure> steps, string name, Func<Task<T>> run)
    {
        await using var sampler = new WorkingSetSampler(SampleInterval);
        var clock = Stopwatch.StartNew();
        var result = await run();
        var seconds = clock.Elapsed.TotalSeconds;
        steps.Add(new StepFigure(name, seconds, sampler.Largest.Bytes, sampler.LargestManagedHeap));
        return result;
    }

    private sealed record StepFigure(string Name, double Seconds, long LargestBytes, long LargestHeapBytes);

    private sealed record ChildResult(
        int Rows, int Accepted, int Chunks, int ChunkWave, int Patients, int Groups, int GroupWave, long StartBytes, long PeakWorkingSetBytes,
        double CpuSeconds, string GarbageCollections, IReadOnlyList<StepFigure> Steps);
}
