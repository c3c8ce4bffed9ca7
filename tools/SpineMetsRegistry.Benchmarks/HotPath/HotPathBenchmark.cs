using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using SpineMetsRegistry.Benchmarks.Support;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Scoring;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Records;
using nietras.SeparatedValues;

namespace SpineMetsRegistry.Benchmarks.HotPath;

/// <summary>
/// <c>hotpath</c>: the per-row work of an ingest (read the CSV row, validate it, pass it
/// through the de-identification gate, score it) on one core, over generated realistic rows
/// held in memory, against a plain CSV tokenising pass (Sep) over the same bytes in the same
/// run. Each stage is timed as its own pass, cumulatively, so the table is the profile: what
/// each added stage costs per row in time and allocated bytes. Rows per second per core are
/// rows per CPU second of the process (the wall-clock rate is printed next to it).
/// </summary>
internal static class HotPathBenchmark
{
    private const string Site = "S01";
    private const int WarmUpRows = 3_000;
    private const int MaxWarmUpPasses = 6;
    private static readonly TimeSpan TieringPause = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes, bool micro)
    {
        Console.WriteLine(MachineLine.Now());
        var scorer = RecordScorer.Create(new InstrumentSettings()).Value
            ?? throw new InvalidOperationException("The default instrument settings do not resolve.");

        // Every stage on a small batch first, so the timed passes run tier-1 code. The JIT
        // compiles tier 1 on a background thread after a delay, and the process's CPU time
        // counts that thread: warming up until a pause compiles nothing more keeps its work out
        // of the first timed stages (one warm-up pass, as before, left it in the reader's).
        // (No more rows than the smallest timed size: the smoke test's tiny runs stay tiny.)
        var warmUp = GeneratedBatch.Csv(Math.Min(WarmUpRows, sizes.Min()), Site);
        for (var pass = 0; pass < MaxWarmUpPasses; pass++)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            await MeasureAllAsync(warmUp, scorer);
            Thread.Sleep(TieringPause);
            if (pass > 0 && JitInfo.GetCompiledMethodCount() == compiledBefore)
            {
                break;
            }
        }

        var results = new List<SizeResult>();
        foreach (var rows in sizes)
        {
            var bytes = GeneratedBatch.Csv(rows, Site);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {bytes.Length / 1048576.0:F1} MiB (load average {MachineLine.LoadAverage()})"));
            var stages = await MeasureAllAsync(bytes, scorer);
            results.Add(new SizeResult(rows, stages));
            PrintTable(stages);
        }

        if (results.Count > 1)
        {
            var first = results[0].Stage(StageName.HotPath);
            var last = results[^1].Stage(StageName.HotPath);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocation per row, hot path: {first.BytesPerRow:F0} B at {results[0].Rows:N0} rows, {last.BytesPerRow:F0} B at {results[^1].Rows:N0} rows ({last.BytesPerRow / first.BytesPerRow:F2}x)"));
        }

        if (micro)
        {
            HotPathMicroBenchmarks.Run();
        }

        var largest = results[^1];
        var hot = largest.Stage(StageName.HotPath);
        var baseline = largest.Stage(StageName.Baseline);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hot path rows/s/core: {hot.RowsPerSecond:F0} (baseline Sep tokenising: {baseline.RowsPerSecond:F0}, ratio {hot.RowsPerSecond / baseline.RowsPerSecond:F3})"));
        return 0;
    }

    private static void PrintTable(IReadOnlyList<StageResult> stages)
    {
        Console.WriteLine("| stage | rows/s/core (CPU time) | CPU µs/row | rows/s (wall clock) | bytes allocated/row |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var stage in stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Describe(stage.Name)} | {stage.RowsPerSecond:N0} | {1e6 / stage.RowsPerSecond:F2} | {stage.WallRowsPerSecond:N0} | {stage.BytesPerRow:N0} |"));
        }
    }

    private static string Describe(StageName stage) => stage switch
    {
        StageName.Baseline => "baseline: Sep tokenising the same bytes",
        StageName.Read => "read (the registry's CSV reader)",
        StageName.Validate => "read + validate",
        StageName.Gate => "read + validate + de-identification gate",
        StageName.HotPath => "hot path: read + validate + gate + score",
        StageName.Stored => "hot path + render stored scores (as the store activity does)",
        StageName.FirstPass => "whole first pass (BatchValidator, + cross-row checks and report)",
        _ => stage.ToString(),
    };

    private static async Task<IReadOnlyList<StageResult>> MeasureAllAsync(byte[] bytes, RecordScorer scorer)
    {
        var context = new BatchValidationContext
        {
            SiteCode = Site,
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(GeneratedBatch.StudyIdPattern(Site)),
            ReceivedOn = GeneratedBatch.ReceivedOn,
            KnownPatients = KnownPatientSnapshot.Empty,
            Scanner = new IdentifierScanner(),
        };
        var gate = new DeidentificationGate(context.Scanner!, context.StudyIdPattern!.ToString(), context.Dictionary);
        var ungated = new RecordValidator(context);
        var gated = new RecordValidator(context, gate);

        return
        [
            Measure(StageName.Baseline, () => Task.FromResult(SepRows(bytes))),
            Measure(StageName.Read, () => RowsAsync(bytes, context, _ => true)),
            Measure(StageName.Validate, () => RowsAsync(bytes, context, raw => ungated.Validate(raw).Record is not null)),
            Measure(StageName.Gate, () => RowsAsync(bytes, context, raw => gated.Validate(raw).Record is not null)),
            Measure(StageName.HotPath, () => RowsAsync(bytes, context, raw => gated.Validate(raw).Record is { } record && scorer.Score(record).Count >= 0)),
            Measure(StageName.Stored, () => RowsAsync(bytes, context, raw => gated.Validate(raw).Record is { } record && StoredScoreRenderer.Render(scorer.Score(record)).Count >= 0)),
            Measure(StageName.FirstPass, () => FirstPassAsync(bytes, context)),
        ];
    }

    private static StageResult Measure(StageName name, Func<Task<int>> pass)
    {
        // Each pass runs start to end on this thread (memory streams complete synchronously),
        // so the thread's allocation counter is the pass's allocation.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var thread = Environment.CurrentManagedThreadId;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var rows = pass().GetAwaiter().GetResult();
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        if (Environment.CurrentManagedThreadId != thread)
        {
            throw new InvalidOperationException("A benchmark pass moved to another thread; its allocation count would be wrong.");
        }

        return new StageResult(name, rows, clock.Elapsed.TotalSeconds, cpu, allocated);
    }

    /// <summary>The baseline: every field of every row tokenised (and unescaped) by Sep.</summary>
    private static int SepRows(byte[] bytes)
    {
        var rows = 0;
        long characters = 0;
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(bytes);
        foreach (var row in reader)
        {
            rows++;
            for (var i = 0; i < row.ColCount; i++)
            {
                characters += row[i].Span.Length;
            }
        }

        return characters >= 0 ? rows : 0;
    }

    private static async Task<int> RowsAsync(byte[] bytes, BatchValidationContext context, Func<RawRecord, bool> perRow)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var reader = BatchReaders.Open(stream, BatchFormat.Csv, context.ReaderLimits, context.Redcap, context.Dictionary);
        var rows = 0;
        var kept = 0;
        await foreach (var raw in reader.ReadAsync())
        {
            rows++;
            kept += perRow(raw) ? 1 : 0;
        }

        return kept >= 0 ? rows : 0;
    }

    private static async Task<int> FirstPassAsync(byte[] bytes, BatchValidationContext context)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var outcome = await new BatchValidator(context).ValidateAsync(stream, BatchFormat.Csv, new CountingSink());
        return outcome.Summary.Records;
    }

    private enum StageName
    {
        Baseline,
        Read,
        Validate,
        Gate,
        HotPath,
        Stored,
        FirstPass,
    }

    /// <summary>
    /// One pass. Rows per second per core are counted against the CPU time the process used
    /// (the pass's thread plus the garbage collector's work), not the wall clock: the cores are
    /// shared with other processes, whose load would otherwise be measured too.
    /// </summary>
    private sealed record StageResult(StageName Name, int Rows, double Seconds, double CpuSeconds, long AllocatedBytes)
    {
        public double RowsPerSecond => Rows / CpuSeconds;

        public double WallRowsPerSecond => Rows / Seconds;

        public double BytesPerRow => AllocatedBytes / (double)Rows;
    }

    private sealed record SizeResult(int Rows, IReadOnlyList<StageResult> Stages)
    {
        public StageResult Stage(StageName name) => Stages.Single(s => s.Name == name);
    }

    /// <summary>Counts problems without keeping them (the pipeline streams its report).</summary>
    private sealed class CountingSink : IValidationReportSink
    {
        public long Count { get; private set; }

        public ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.CompletedTask;
        }
    }
}
