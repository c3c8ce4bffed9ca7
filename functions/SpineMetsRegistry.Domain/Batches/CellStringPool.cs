namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// The strings of a file's short cells, kept for reuse: a batch repeats the same short texts
/// row after row (codes, small numbers, yes/no, a patient's study ID on each of their rows,
/// visit dates), so a cell equal to a recently read one gets that string instead of a new
/// one. Strings are immutable, so sharing one changes nothing a reader of the cells sees; it
/// saves most of the reader's per-cell allocations. One pool per reader (not thread-safe).
/// </summary>
/// <remarks>
/// Direct-mapped: each text hashes to one entry, which a different text replaces, so the
/// pool never grows and a lookup costs one hash and one comparison.
/// </remarks>
internal sealed class CellStringPool
{
    /// <summary>Longer cells (free text) are rarely repeated: made fresh, never kept.</summary>
    public const int MaxPooledLength = 24;

    private const int Entries = 2048;

    private readonly string?[] _entries = new string?[Entries];

    /// <summary>A string equal to <paramref name="text"/>: a kept one when the same text was read recently, else a new one (kept if short).</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > MaxPooledLength)
        {
            return new string(text);
        }

        var index = Hash(text) & (Entries - 1);
        var kept = _entries[index];
        if (kept is not null && text.SequenceEqual(kept))
        {
            return kept;
        }

        var made = new string(text);
        _entries[index] = made;
        return made;
    }

    // A multiplicative hash over every character, cheaper on such short texts than the
    // general (randomised) string hash; an unlucky collision only costs a new string. The
    // final mix brings the high bits down, since the index keeps only the low ones.
    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = (uint)text.Length;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return unchecked((int)(hash ^ (hash >> 11) ^ (hash >> 22)));
    }
}
