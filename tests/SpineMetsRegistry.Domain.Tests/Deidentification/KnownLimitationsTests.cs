using Xunit.Abstractions;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>
/// Documented limits of the scanner (known-limitations.csv, stated in the README): misses and
/// false positives asserted as they are, so that any change in behaviour shows up here and the
/// README is updated with it. These cells are not part of the corpus metrics.
/// </summary>
public sealed class KnownLimitationsTests(ITestOutputHelper output)
{
    private const string File = "known-limitations.csv";

    public static TheoryData<CorpusCell> Cells()
    {
        var data = new TheoryData<CorpusCell>();
        foreach (var cell in CorpusCell.Load(File))
        {
            data.Add(cell);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Scan_KnownLimitation_BehavesAsDocumented(CorpusCell cell)
    {
        var categories = ScannerCorpusTests.ScannedCategories(cell);

        Assert.True(categories.SetEquals(cell.Scanner),
            $"{cell}: documented [{string.Join("+", cell.Scanner)}], got [{string.Join("+", categories)}]");
    }

    [Fact]
    public void KnownLimitations_Metrics_AreReported()
    {
        var cells = CorpusCell.Load(File);
        var metrics = CorpusMetrics.Measure(cells, ScannerCorpusTests.ScannedCategories);
        output.WriteLine(metrics.ToString());

        Assert.Equal(cells.Count, metrics.Cells);
        Assert.Contains(cells, c => c.IsKnownDeviation);
    }
}
