using System.Globalization;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>Cell-level confusion counts, precision and recall of the scanner on a labelled table.</summary>
internal sealed record CorpusMetrics(int Cells, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, int CategoryExact)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static CorpusMetrics Measure(IEnumerable<CorpusCell> cells, Func<CorpusCell, HashSet<string>> scan)
    {
        int n = 0, tp = 0, fp = 0, fn = 0, tn = 0, exact = 0;
        foreach (var cell in cells)
        {
            n++;
            var found = scan(cell);
            switch (cell.IsIdentifier, found.Count > 0)
            {
                case (true, true):
                    tp++;
                    exact += found.SetEquals(cell.Truth) ? 1 : 0;
                    break;
                case (true, false):
                    fn++;
                    break;
                case (false, true):
                    fp++;
                    break;
                default:
                    tn++;
                    break;
            }
        }

        return new CorpusMetrics(n, tp, fp, fn, tn, exact);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cells={Cells} identifiers={TruePositives + FalseNegatives} look-alikes={FalsePositives + TrueNegatives} "
        + $"TP={TruePositives} FP={FalsePositives} FN={FalseNegatives} TN={TrueNegatives} "
        + $"precision={Precision:F4} recall={Recall:F4} exact-category={CategoryExact}/{TruePositives}");
}
