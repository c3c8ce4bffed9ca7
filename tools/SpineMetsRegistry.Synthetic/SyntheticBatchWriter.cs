using System.Text.Json;
using SpineMetsRegistry.Domain.Csv;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Synthetic;

/// <summary>Writes generated rows as a batch file the registry accepts.</summary>
public static class SyntheticBatchWriter
{
    /// <summary>
    /// Writes CSV with a header of every dictionary field (in dictionary order), so
    /// enrollment and follow-up rows share one file, as sites' exports do. CRLF line ends, as
    /// spreadsheet exports have. Fields go through the registry's one <see cref="CsvRowWriter"/>:
    /// numeric columns hold plain numbers (a negative EQ-5D index such as -0.12 included), which
    /// it writes unchanged, so the batch reads back exactly; a text value that could run as a
    /// formula is neutralised as in every other CSV the registry emits, which is also what a
    /// site's protected spreadsheet export would send.
    /// </summary>
    public static void WriteCsv(IEnumerable<SyntheticRow> rows, TextWriter output, DataDictionary? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var columns = (dictionary ?? DataDictionary.Default).Fields.Select(f => f.Code).ToArray();
        var csv = new CsvRowWriter(output, "\r\n");
        csv.WriteRow(columns);
        foreach (var row in rows)
        {
            csv.WriteRow(columns.Select(column => row.GetValueOrDefault(column)));
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
}
