namespace SpineMetsRegistry.Domain.Tests.TestSupport;

/// <summary>
/// One batch row as ordered (column, value) cells, built fluently so a test states only
/// what differs from a known-valid row.
/// </summary>
public sealed class Row
{
    private readonly List<KeyValuePair<string, string>> _cells;

    public Row(IEnumerable<KeyValuePair<string, string>> cells) => _cells = cells.ToList();

    public IReadOnlyList<KeyValuePair<string, string>> Cells => _cells;

    public string? this[string column] => _cells.FirstOrDefault(c => c.Key == column).Value;

    /// <summary>Returns a copy with <paramref name="column"/> set (appended when new).</summary>
    public Row With(string column, string value)
    {
        var cells = _cells.ToList();
        var index = cells.FindIndex(c => c.Key == column);
        if (index >= 0)
        {
            cells[index] = new(column, value);
        }
        else
        {
            cells.Add(new(column, value));
        }

        return new Row(cells);
    }

    /// <summary>Returns a copy with several cells set.</summary>
    public Row With(params (string Column, string Value)[] cells) =>
        cells.Aggregate(this, (row, cell) => row.With(cell.Column, cell.Value));

    /// <summary>Returns a copy without the given columns (the value is then missing).</summary>
    public Row Without(params string[] columns) => new(_cells.Where(c => !columns.Contains(c.Key)));
}
