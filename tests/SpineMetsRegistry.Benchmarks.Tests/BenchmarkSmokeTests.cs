using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Benchmarks.Tests;

/// <summary>
/// Each benchmark command at a tiny size: it exits 0 and prints its figure lines with sane
/// numbers (positive, the ratio line last). No speed is asserted anywhere.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchmarkSmokeTests
{
    private const string Number = @"([0-9][0-9,]*(?:\.[0-9]+)?)";

    [Fact]
    public async Task Hotpath_TinyBatches_PrintsStagesAndTheRatioLineLast()
    {
        var run = await BenchmarkRun.RunAsync("hotpath", "--rows", "300,600");

        Assert.Equal(0, run.ExitCode);
        var figures = run.LastLine($@"^hot path rows/s/core: {Number} \(baseline Sep tokenising: {Number}, ratio {Number}\)$");
        Assert.All(figures, f => Assert.True(f > 0));
        // The ratio is printed to three decimals from the unrounded rates, so it may differ from
        // the ratio of the printed (whole-number) rates by up to half a unit in the last place;
        // rounding both to two places would fail whenever they straddle a boundary.
        Assert.InRange(Math.Abs(figures[0] / figures[1] - figures[2]), 0, 0.001);
        Assert.Contains(run.Lines, l => l.StartsWith("| hot path: read + validate + gate + score |", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("| hot path + render stored scores (as the store activity does) |", StringComparison.Ordinal));
        Assert.StartsWith("allocation per row, hot path:", run.Line("allocation per row"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TinyBatchesForTwoSites_PrintsPipelineCeilingAndRatioLast()
    {
        var run = await BenchmarkRun.RunAsync("ingest", "--rows", "60", "--sites", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 batch(es) failed", run.Line("pipeline:"), StringComparison.Ordinal);
        Assert.Matches($@"^ceiling: {Number} entities", run.Line("ceiling:"));
        Assert.All(new[] { "S01", "S02" }, site => Assert.Contains(run.Lines, l =>
            l.Contains($"steps of {site} (from the ledger): receive ", StringComparison.Ordinal) && l.Contains(", aggregate ", StringComparison.Ordinal) && l.Contains(", schedule ", StringComparison.Ordinal)));
        var requests = run.Line("requests to storage:");
        Assert.Matches($@"^requests to storage: {Number}, by kind", requests);
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, $@"^table (transaction|single write): {Number}, {Number} s$"));
        var ratio = run.LastLine($@"^pipeline/ceiling ratio: {Number}$");
        Assert.True(ratio[0] > 0);
    }

    [Fact]
    public async Task Api_TwoTinyRegistries_PrintsLatenciesAndTheP95LineLast()
    {
        var run = await BenchmarkRun.RunAsync("api", "--visits", "50,100", "--requests", "12");

        Assert.Equal(0, run.ExitCode);
        var figures = run.LastLine($@"^api p95 ms: {Number} at {Number} visits \(at {Number}: {Number}, ratio {Number}\)$");
        Assert.All(figures, f => Assert.True(f > 0));
        Assert.Equal(100, figures[1]);
        Assert.Equal(50, figures[2]);
    }

    [Theory]
    [InlineData(null, "process measured: the ingest worker")]
    [InlineData("local", "process measured: the whole local host")]
    public async Task Memory_TinyBatch_IngestsItAndPrintsThePeakLineLast(string? process, string processLine)
    {
        var run = await BenchmarkRun.RunAsync(process is null ? ["memory", "--rows", "40"] : ["memory", "--rows", "40", "--process", process]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(processLine, run.Line("process measured:"), StringComparison.Ordinal);
        Assert.StartsWith("garbage collector: workstation, System.GC.ConserveMemory 9 in the runtime configuration", run.Line("garbage collector:"), StringComparison.Ordinal);
        Assert.Contains(": Completed after", run.Line("40 rows:"), StringComparison.Ordinal);
        Assert.Contains("collections (gen 0/1/2)", run.Line("40 rows:"), StringComparison.Ordinal);
        Assert.Contains("steps of S01 (from the ledger): receive ", run.Line("steps of S01"), StringComparison.Ordinal);
        Assert.Matches($@"^largest sample \(every 250 ms\): {Number} MiB at [0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}} UTC, during .+$", run.Line("largest sample"));
        var figures = run.LastLine($@"^peak working set MiB: {Number} at {Number} rows \(at {Number}: {Number}, ratio {Number}\)$");
        Assert.All(figures, f => Assert.True(f > 0));
        Assert.Equal(40, figures[1]);
    }

    [Fact]
    public async Task AggregateMemory_TwoTinySites_AggregatesEachAndPrintsTheStepLineLast()
    {
        var run = await BenchmarkRun.RunAsync("aggregate-memory", "--rows", "40,120");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"^40 rows \({Number} stored records\): site step {Number} s, pooled step {Number} s; working set {Number} MiB before, largest {Number} MiB during; managed heap largest {Number} MiB; .+committee statistics 1 documents, {Number} characters", run.Line("40 rows ("));
        Assert.Matches($@"^\| 120 \| {Number} \| {Number} \| {Number} \| {Number} \| {Number} \|$", run.Line("| 120 |"));
        var figures = run.LastLine($@"^aggregate step working set MiB: {Number} at {Number} rows \(at {Number}: {Number}, ratio {Number}\)$");
        Assert.All(figures, f => Assert.True(f > 0));
        Assert.Equal(120, figures[1]);
        Assert.Equal(40, figures[2]);
    }

    [Fact]
    public async Task StepsMemory_TwoTinyBatches_RunsEveryStepAndPrintsTheStepsLineLast()
    {
        var run = await BenchmarkRun.RunAsync("steps-memory", "--rows", "60,200");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"^200 rows \({Number} accepted; 1 chunks, a wave of 1 stored; {Number} patients in 1 groups, a wave of 1 scheduled\): peak working set {Number} MiB", run.Line("200 rows ("));
        string[] steps = ["receive", "validate + stage", "store: the first wave of chunks", "aggregate (site from the stored form, then pooled)", "schedule plan (every patient)", "schedule: the first wave of groups"];
        Assert.All(steps, step => Assert.Matches($@"^\| {Regex.Escape(step)} \| {Number} \({Number}\), {Number} \| {Number} \({Number}\), {Number} \| {Number} \|$", run.Line("| " + step + " |")));
        var figures = run.LastLine($@"^batch steps working set MiB: {Number} at {Number} rows \(at {Number}: {Number}, ratio {Number}\)$");
        Assert.All(figures, f => Assert.True(f > 0));
        Assert.Equal(200, figures[1]);
        Assert.Equal(60, figures[2]);
    }

    [Fact]
    public async Task Engine_FewSmallBatches_PrintsLatencyThroughputAndHistoryRowsPerChunk()
    {
        var run = await BenchmarkRun.RunAsync("engine", "--batches", "2", "--history-patients", "20,300");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"^upload-to-receipt, 100-row batch: median {Number} s \(min {Number}, max {Number};", run.Line("upload-to-receipt"));
        Assert.Matches($@"^throughput: {Number} batches/s with 1 worker, {Number} with 2 \({Number}x\)$", run.Line("throughput:"));
        var perChunk = run.Line("History rows per chunk:");
        Assert.Matches($@"^History rows per chunk: {Number} \(\+-?{Number} per batch\); a 1,000,000-row batch \(4000 chunks\) leaves about {Number} rows", perChunk);
        Assert.True(double.Parse(perChunk.Split(' ')[4], System.Globalization.CultureInfo.InvariantCulture) > 0, perChunk);
    }

    [Fact]
    public async Task SweepCost_OneDay_PrintsBothRegistriesAndTheirRatioRow()
    {
        var run = await BenchmarkRun.RunAsync("sweep-cost", "--days", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"^\| 10k \| 10,000 \| 2,500 patients over 1 y \| {Number} \|", run.Line("| 10k |"));
        Assert.Matches($@"^\| 1M \| 1,000,000 \| 250,000 patients over 10 y \| {Number} \|", run.Line("| 1M |"));
        Assert.Matches($@"^\| 1M / 10k \| 100\.0x \| \| {Number}x \|", run.Line("| 1M / 10k |"));
    }

    [Fact]
    public async Task Engine_HistoryPatientsNotAscending_IsRefusedWithUsageError()
    {
        var run = await BenchmarkRun.RunAsync("engine", "--history-patients", "400,400");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task DeidScan_FewCells_PrintsBothRows()
    {
        var run = await BenchmarkRun.RunAsync("deid-scan", "--cells", "2000");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"^\| 2,000 \| fast path \(numbers, ISO dates\) \| {Number} \|", run.Line("| 2,000 | fast path"));
        Assert.Matches($@"^\| 2,000 \| typical text and codes \| {Number} \|", run.Line("| 2,000 | typical"));
    }

    [Fact]
    public async Task ValidationMemory_TwoTinySizes_PrintsOneRowPerSize()
    {
        var run = await BenchmarkRun.RunAsync("validation-memory", "--rows", "200,400");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"^\| 200 \| {Number} \| {Number} \| 1\.00 \|", run.Line("| 200 |"));
        Assert.Matches($@"^\| 400 \| {Number} \| {Number} \| {Number} \|", run.Line("| 400 |"));
    }

    [Fact]
    public async Task UnknownSize_IsRefusedWithUsageError()
    {
        var run = await BenchmarkRun.RunAsync("hotpath", "--rows", "0");

        Assert.Equal(2, run.ExitCode);
    }
}
