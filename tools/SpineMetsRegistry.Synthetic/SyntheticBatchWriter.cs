using System.Text.Json;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Synthetic;

/// <summary>Writes generated rows as a batch file the registry accepts.</summary>
public static class SyntheticBatchWriter
{
    /// <summary>
    /// Writes CSV with a header of every dictionary field (in dictionary order), so
    /// enrollment and follow-up rows share one file, as sites' exports do.
    /// </summary>
    public static void WriteCsv(IEnumerable<SyntheticRow> rows, TextWriter output, DataDictionary? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var columns = (dictionary ?? DataDictionary.Default).Fields.Select(f => f.Code).ToArray();
        output.Write(string.Join(',', columns));
        output.Write("\r\n");
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                if (row.TryGetValue(columns[i], out var value))
                {
                    output.Write(Quote(value));
                }
            }

            output.Write("\r\n");
        }
    }

    /// <summary>Writes JSON Lines: one object per row with only the fields that have values.</summary>
    public static void WriteJsonLines(IEnumerable<SyntheticRow> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var row in rows)
        {
            output.Write(JsonSerializer.Serialize(row));
            output.Write('\n');
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
