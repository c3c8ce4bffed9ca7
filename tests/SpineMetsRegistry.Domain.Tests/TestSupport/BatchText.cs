using System.Text;
using System.Text.Json;

namespace SpineMetsRegistry.Domain.Tests.TestSupport;

/// <summary>Renders rows as CSV (RFC 4180 quoting) or JSON Lines, as a site's export would.</summary>
public static class BatchText
{
    /// <summary>CSV with a header made of every column any row uses, in first-seen order.</summary>
    public static string Csv(params Row[] rows)
    {
        var columns = rows.SelectMany(r => r.Cells.Select(c => c.Key)).Distinct().ToList();
        var text = new StringBuilder();
        text.Append(string.Join(',', columns.Select(Quote))).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', columns.Select(c => Quote(row[c] ?? string.Empty)))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One JSON object per row, every value a JSON string.</summary>
    public static string JsonLines(params Row[] rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(JsonSerializer.Serialize(row.Cells.ToDictionary(c => c.Key, c => c.Value))).Append('\n');
        }

        return text.ToString();
    }

    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
