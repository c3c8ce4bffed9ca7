using System.Collections;

namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// A CSV row's fields as a view over the header's column names (shared by every row) and the
/// row's values: the reader no longer builds an array of name-value pairs per row (about a
/// kilobyte for a wide export). Only for a row no wider than the header, whose every field
/// has a column name.
/// </summary>
internal sealed class ColumnValueFields : IReadOnlyList<RawField>
{
    private readonly string[] _columns;
    private readonly string[] _values;

    /// <summary>Pairs <paramref name="values"/> with the first of <paramref name="columns"/>.</summary>
    public ColumnValueFields(string[] columns, string[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length > columns.Length)
        {
            throw new ArgumentException("A row wider than its header has fields without a column name.", nameof(values));
        }

        _columns = columns;
        _values = values;
    }

    /// <summary>The header's column names, shared by every row of the file (at least <see cref="Count"/>).</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <inheritdoc />
    public int Count => _values.Length;

    /// <inheritdoc />
    public RawField this[int index] =>
        (uint)index < (uint)_values.Length ? new(_columns[index], _values[index]) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<RawField> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new(_columns[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
