using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Benchmarks;

/// <summary>
/// Shows that validation memory is flat in the file size: each generated batch is validated
/// in its own process (so the peak working set is that batch's alone) and the peak is
/// compared with the smallest batch measured in the same run.
/// </summary>
internal static class ValidationMemoryBenchmark
{
    public const string ChildCommand = "validation-memory-child";

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes, string format)
    {
        var directory = Directory.CreateTempSubdirectory("spinemets-bench-");
        try
        {
            var results = new List<ChildResult>();
            foreach (var rows in sizes)
            {
                var file = Path.Combine(directory.FullName, string.Create(CultureInfo.InvariantCulture, $"batch-{rows}.{format}"));
                var generated = Stopwatch.StartNew();
                var written = Generate(file, rows, format);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {written:N0} rows ({new FileInfo(file).Length / 1048576.0:F0} MiB) in {generated.Elapsed.TotalSeconds:F1} s"));
                results.Add(await RunChildAsync(file));
                File.Delete(file);
            }

            var baseline = results[0];
            Console.WriteLine();
            Console.WriteLine("| rows | file MiB | peak working set MiB | x baseline | seconds | rows/s | problems |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var result in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {result.Records:N0} | {result.FileBytes / 1048576.0:F0} | {result.PeakWorkingSetBytes / 1048576.0:F1} | {(double)result.PeakWorkingSetBytes / baseline.PeakWorkingSetBytes:F2} | {result.Seconds:F1} | {result.Records / result.Seconds:N0} | {result.Problems:N0} |"));
            }

            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static int GenerateCommand(string path, int rows, string site, double errorRate, int seed)
    {
        var written = Generate(path, rows, path.EndsWith(".jsonl", StringComparison.Ordinal) ? "jsonl" : "csv", site, errorRate, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {written:N0} rows to {path}"));
        return 0;
    }

    private static long Generate(string path, int targetRows, string format, string site = "S01", double errorRate = 0.01, int seed = 42)
    {
        // Roughly 4.5 rows per patient (enrollment + follow-ups); generate patients until the
        // row target is reached, streaming straight to disk.
        var options = new SyntheticCohortOptions
        {
            SiteCode = site,
            Patients = int.MaxValue,
            AsOf = new DateOnly(2026, 11, 1),
            Seed = seed,
            StudyNumberDigits = 7,
            EnrollmentMonths = 24,
            DataErrorRate = errorRate,
        };
        var rows = SyntheticCohortGenerator.Generate(options).Take(targetRows);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        long count = 0;
        var counted = rows.Select(r =>
        {
            count++;
            return r;
        });
        if (format == "jsonl")
        {
            SyntheticBatchWriter.WriteJsonLines(counted, writer);
        }
        else
        {
            SyntheticBatchWriter.WriteCsv(counted, writer);
        }

        return count;
    }

    private static Task<ChildResult> RunChildAsync(string file) =>
        Support.BenchmarkChild.RunForResultAsync<ChildResult>(ChildCommand, file);

    public static async Task<int> MeasureInChildAsync(string file)
    {
        var format = file.EndsWith(".jsonl", StringComparison.Ordinal) ? BatchFormat.JsonLines : BatchFormat.Csv;
        var context = new BatchValidationContext
        {
            SiteCode = "S01",
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern("^S01-[0-9]{7}$"),
            ReceivedOn = new DateOnly(2026, 11, 1),
        };
        var sink = new CountingSink();
        context = context with { SpillStreamFactory = () => new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose) };
        var stopwatch = Stopwatch.StartNew();
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            var outcome = await new BatchValidator(context).ValidateAsync(stream, format, sink);
            stopwatch.Stop();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var result = new ChildResult(outcome.Summary.Records, new FileInfo(file).Length, process.PeakWorkingSet64, stopwatch.Elapsed.TotalSeconds, sink.Count);
            Console.WriteLine(JsonSerializer.Serialize(result));
        }

        return 0;
    }

    private sealed record ChildResult(int Records, long FileBytes, long PeakWorkingSetBytes, double Seconds, long Problems);

    /// <summary>Counts problems without keeping them (the report itself is streamed in production).</summary>
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
