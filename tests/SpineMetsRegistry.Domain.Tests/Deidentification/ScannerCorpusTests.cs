using SpineMetsRegistry.Domain.Deidentification;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>
/// The labelled corpus (corpus.csv): every cell's verdict, and the scanner's precision and recall
/// on the whole corpus (per cell: identifier or not).
/// </summary>
public sealed class ScannerCorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Lowest acceptable precision on the corpus. Set to the figure this implementation achieves
    /// (rounded down), so a change that adds false positives fails.
    /// </summary>
    private const double PrecisionFloor = 0.99;

    private static readonly IdentifierScanner Scanner = new();

    public static TheoryData<CorpusCell> Cells()
    {
        var data = new TheoryData<CorpusCell>();
        foreach (var cell in CorpusCell.Load())
        {
            data.Add(cell);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Scan_CorpusCell_ReturnsDocumentedVerdict(CorpusCell cell)
    {
        var categories = ScannedCategories(cell);

        Assert.True(categories.SetEquals(cell.Scanner),
            $"{cell}: expected [{string.Join("+", cell.Scanner)}], got [{string.Join("+", categories)}]");
    }

    [Fact]
    public void Corpus_HasAtLeast200CellsCoveringEveryValueCategory()
    {
        var cells = CorpusCell.Load();
        Assert.True(cells.Count >= 200, $"corpus has {cells.Count} cells");
        Assert.True(cells.Count(c => !c.IsIdentifier) >= 100, "corpus needs look-alikes that are not identifiers");

        string[] valueCategories =
        [
            "email", "phone", "us_ssn", "nl_bsn", "uk_nhs_number", "national_id", "iban", "ip_address", "url",
            "date_of_birth", "postal_code", "address", "medical_record_number", "health_plan_number", "person_name",
            "identifying_number",
        ];
        foreach (var category in valueCategories)
        {
            Assert.True(cells.Count(c => c.Truth.Contains(category)) >= 4, $"fewer than 4 cells of {category}");
        }

        foreach (var code in cells.SelectMany(c => c.Truth.Concat(c.Scanner)))
        {
            Assert.True(IdentifierCategoryCodes.TryParse(code, out _), $"unknown category code '{code}'");
        }

        // Known deviations may only be false positives: recall on the corpus must stay 1.0.
        Assert.DoesNotContain(cells, c => c.IsIdentifier && c.Scanner.Count == 0);
    }

    [Fact]
    public void Scan_WholeCorpus_RecallIsOneAndPrecisionMeetsFloor()
    {
        var metrics = CorpusMetrics.Measure(CorpusCell.Load(), ScannedCategories);
        output.WriteLine(metrics.ToString());

        Assert.Equal(1.0, metrics.Recall);
        Assert.True(metrics.Precision >= PrecisionFloor, $"precision {metrics.Precision:F4} below floor {PrecisionFloor}");
    }

    internal static HashSet<string> ScannedCategories(CorpusCell cell) =>
        Scanner.Scan(cell.Field, cell.Kind, cell.Value).Findings.Select(f => f.Category.ToCode()).ToHashSet(StringComparer.Ordinal);
}
