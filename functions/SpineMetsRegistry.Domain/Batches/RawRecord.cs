namespace SpineMetsRegistry.Domain.Batches;

/// <summary>One column/key and its raw text, before any typing.</summary>
/// <param name="Column">The column name (CSV header cell or JSON key).</param>
/// <param name="Value">The raw value; empty means missing.</param>
public readonly record struct RawField(string Column, string Value);

/// <summary>A structural defect of one record found while reading it (bad quoting, ragged row...).</summary>
/// <param name="Code">Stable problem code (see <see cref="Validation.ProblemCodes"/>).</param>
/// <param name="Message">What is wrong and how to fix it; never contains a cell value.</param>
/// <param name="Column">The column concerned, if one is.</param>
public sealed record RecordDefect(string Code, string Message, string? Column = null);

/// <summary>
/// One record as read from a batch file: untyped cells plus any structural defects.
/// </summary>
public sealed class RawRecord
{
    /// <summary>Creates a record.</summary>
    public RawRecord(int row, long line, IReadOnlyList<RawField> fields, IReadOnlyList<RecordDefect> defects)
    {
        Row = row;
        Line = line;
        Fields = fields;
        Defects = defects;
    }

    /// <summary>
    /// The row number a data manager sees: for CSV the spreadsheet row (the header is row 1,
    /// the first record row 2); for JSON Lines the line number.
    /// </summary>
    public int Row { get; }

    /// <summary>The physical line the record starts on (differs from <see cref="Row"/> when CSV fields contain line breaks).</summary>
    public long Line { get; }

    /// <summary>The cells in column order.</summary>
    public IReadOnlyList<RawField> Fields { get; }

    /// <summary>Structural defects; a record with any is rejected.</summary>
    public IReadOnlyList<RecordDefect> Defects { get; }
}
