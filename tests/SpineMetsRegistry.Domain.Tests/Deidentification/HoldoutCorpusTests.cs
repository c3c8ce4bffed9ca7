using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Dictionary;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>
/// The holdout corpus (HoldoutCorpus/holdout.csv): labelled cells written before the detectors
/// were tuned for the categories it covers, and never tuned on. Only the cell-level figures are
/// asserted (thresholds, not per-cell verdicts), so that the corpus measures the gate rather
/// than documents it. Cells of kind <c>unknown</c> go through the gate as a column the data
/// dictionary does not know.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class HoldoutCorpusTests(ITestOutputHelper output)
{
    private const string File = "HoldoutCorpus/holdout.csv";

    /// <summary>Issue 16's target on corpora the gate was not tuned on.</summary>
    private const double RecallFloor = 0.99;

    /// <inheritdoc cref="RecallFloor"/>
    private const double PrecisionFloor = 0.95;
    private const string UnknownColumn = "admin_notes";

    private static readonly IdentifierScanner Scanner = new();
    private static readonly DeidentificationGate Gate = new(Scanner, studyIdPattern: null, DataDictionary.Default);

    [Fact]
    public void Holdout_Cells_CoverEveryCategoryAndTheClinicalLookAlikes()
    {
        var cells = CorpusCell.Load(File);

        Assert.True(cells.Count >= 300, $"holdout has {cells.Count} cells");
        Assert.True(cells.Count(c => !c.IsIdentifier) >= 100, "holdout needs clinical look-alikes that are not identifiers");
        Assert.True(cells.Count(c => c.InUnknownColumn) >= 20, "holdout needs cells of a column the registry does not know");
        var undeclared = IdentifierCategoryCodes.All
            .Where(c => c != IdentifierCategory.ScanInconclusive)
            .Select(c => c.ToCode())
            .Where(code => !cells.Any(cell => cell.Truth.Contains(code)))
            .ToList();
        Assert.True(undeclared.Count == 0, "no holdout cell of: " + string.Join(", ", undeclared));
        Assert.DoesNotContain(cells, c => c.IsKnownDeviation); // the holdout states the truth only
    }

    [Fact]
    public void Holdout_WholeCorpus_RecallAndPrecisionMeetTheTarget()
    {
        var cells = CorpusCell.Load(File);
        var metrics = CorpusMetrics.Measure(cells, Detect);
        output.WriteLine(metrics.ToString());
        foreach (var cell in cells.Where(c => c.IsIdentifier != (Detect(c).Count > 0)))
        {
            output.WriteLine((cell.IsIdentifier ? "missed: " : "false positive: ") + cell);
        }

        Assert.Equal(cells.Count, metrics.Cells);
        Assert.True(metrics.Recall >= RecallFloor, $"recall {metrics.Recall:F4} below {RecallFloor}");
        Assert.True(metrics.Precision >= PrecisionFloor, $"precision {metrics.Precision:F4} below {PrecisionFloor}");
    }

    /// <summary>The categories the gate reports for a holdout cell.</summary>
    internal static HashSet<string> Detect(CorpusCell cell)
    {
        if (!cell.InUnknownColumn)
        {
            return Scanner.Scan(cell.Field, cell.Kind, cell.Value).Findings.Select(f => f.Category.ToCode()).ToHashSet(StringComparer.Ordinal);
        }

        // The gate's problem codes are deid.value.<category>.
        return Gate.InspectCell(row: 2, UnknownColumn, position: 1, cell.Value, typed: false)
            .Select(p => p.Code[(p.Code.LastIndexOf('.') + 1)..])
            .ToHashSet(StringComparer.Ordinal);
    }
}
