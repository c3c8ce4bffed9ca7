using System.Globalization;
using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Csv;

namespace SpineMetsRegistry.Api.Statistics;

/// <summary>
/// Writes a committee table as CSV through the registry's one formula-safe writer
/// (<see cref="CsvRowWriter"/>): numbers are written invariantly (a negative change stays a
/// number), text cells that a spreadsheet would run are neutralised.
/// </summary>
internal static class StatisticsCsv
{
    public static string Write(StatisticsTable table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvRowWriter(text, "\r\n");
        csv.WriteRow(table.Columns);
        foreach (var row in table.Rows)
        {
            csv.WriteRow(row.Select(Cell));
        }

        return text.ToString();
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
