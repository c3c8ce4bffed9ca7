using System.Globalization;
using System.Text;
using SpineMetsRegistry.Domain.Committee;

namespace SpineMetsRegistry.Api.Statistics;

/// <summary>
/// Writes a committee table as CSV. The one place the statistics tables become CSV, so it can
/// be swapped for the registry's shared formula-safe writer: text cells starting with = + - @
/// (or a tab or carriage return) get a leading apostrophe so a spreadsheet never runs them;
/// numbers are written invariantly and never altered (a negative change stays a number).
/// </summary>
internal static class StatisticsCsv
{
    public static string Write(StatisticsTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Columns.Select(Text)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string s => Text(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(value.ToString() ?? string.Empty),
    };

    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
