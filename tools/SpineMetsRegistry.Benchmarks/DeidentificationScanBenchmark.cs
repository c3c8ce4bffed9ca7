using System.Diagnostics;
using System.Globalization;
using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Benchmarks;

/// <summary>
/// The identifier scanner runs on every text cell of every batch: prints its throughput
/// and allocation per cell for typical clean cells, against a baseline of the fast path
/// (cells it clears without running any detector), measured in the same run.
/// </summary>
internal static class DeidentificationScanBenchmark
{
    private static readonly (FieldContentKind Kind, string Value)[] FastPathCells =
    [
        (FieldContentKind.Structured, "38"), (FieldContentKind.Date, "2024-03-12"), (FieldContentKind.Structured, "7.4"),
    ];

    private static readonly (FieldContentKind Kind, string Value)[] TypicalCells =
    [
        (FieldContentKind.FreeText, "Ewing sarcoma"), (FieldContentKind.FreeText, "albumin 38 g/L"),
        (FieldContentKind.FreeText, "20 Gy/5 fr"), (FieldContentKind.Structured, "T11-L1"),
        (FieldContentKind.Structured, "S03-0001"), (FieldContentKind.FreeText, "lung primary, adenocarcinoma"),
        (FieldContentKind.FreeText, "Hodgkin lymphoma with Bence Jones proteinuria"),
        (FieldContentKind.FreeText, "follow-up 6 weeks, ambulatory with walker, NRS 3/10, no new deficits"),
        (FieldContentKind.FreeText, "metastasis at T4, T7 and L2"), (FieldContentKind.Structured, "breast"),
    ];

    public static int Run(int cells)
    {
        var scanner = new IdentifierScanner();
        Measure(scanner, FastPathCells, 10_000);
        Measure(scanner, TypicalCells, 10_000);
        var baseline = Measure(scanner, FastPathCells, cells);
        var typical = Measure(scanner, TypicalCells, cells);

        Console.WriteLine("| cells | kind | cells/s | bytes allocated per cell | time x fast path |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        Console.WriteLine(Row(cells, "fast path (numbers, ISO dates)", baseline, baseline));
        Console.WriteLine(Row(cells, "typical text and codes", typical, baseline));
        return typical.Findings == 0 ? 0 : 1;
    }

    private static string Row(int cells, string kind, Result result, Result baseline) => string.Create(CultureInfo.InvariantCulture,
        $"| {cells:N0} | {kind} | {cells / result.Seconds:N0} | {(double)result.Bytes / cells:F1} | {result.Seconds / baseline.Seconds:F1} |");

    private static Result Measure(IdentifierScanner scanner, (FieldContentKind Kind, string Value)[] cells, int count)
    {
        var findings = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (kind, value) = cells[i % cells.Length];
            findings += scanner.Scan("notes", kind, value).Findings.Count;
        }

        watch.Stop();
        return new Result(watch.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - before, findings);
    }

    private sealed record Result(double Seconds, long Bytes, int Findings);
}
