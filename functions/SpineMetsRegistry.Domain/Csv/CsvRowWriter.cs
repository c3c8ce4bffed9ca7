namespace SpineMetsRegistry.Domain.Csv;

/// <summary>
/// Writes CSV rows, every field through <see cref="CsvCell.Render"/>: the one CSV writer for
/// every CSV the registry emits (validation reports, reminder digests, the REDCap data
/// dictionary, synthetic batches), so all of them are protected against formula injection alike.
/// </summary>
/// <param name="output">Where rows go (left open).</param>
/// <param name="lineEnding">The record separator: <c>\n</c> for the registry's own outputs, <c>\r\n</c> where a format asks for it.</param>
public sealed class CsvRowWriter(TextWriter output, string lineEnding = "\n")
{
    /// <summary>One row as text, without the line ending.</summary>
    /// <param name="fields">The fields in column order.</param>
    public static string Format(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join(',', fields.Select(CsvCell.Render));
    }

    /// <summary>Writes one row.</summary>
    /// <param name="fields">The fields in column order.</param>
    public void WriteRow(IEnumerable<string?> fields)
    {
        output.Write(Format(fields));
        output.Write(lineEnding);
    }

    /// <summary>Writes one row asynchronously.</summary>
    /// <param name="fields">The fields in column order.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public async ValueTask WriteRowAsync(IEnumerable<string?> fields, CancellationToken cancellationToken = default)
    {
        await output.WriteAsync((Format(fields) + lineEnding).AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
