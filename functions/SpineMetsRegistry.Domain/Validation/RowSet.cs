namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// A set of row numbers as a bitmap: the rejected rows of a million-row batch take
/// 125 KB, so the second (storing) pass can skip them without keeping the rows.
/// </summary>
public sealed class RowSet
{
    private ulong[] _bits = new ulong[16];

    /// <summary>How many rows are in the set.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a row (1-based); returns false when it was already present.</summary>
    public bool Add(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(row);
        var word = row >> 6;
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        var mask = 1UL << (row & 63);
        if ((_bits[word] & mask) != 0)
        {
            return false;
        }

        _bits[word] |= mask;
        Count++;
        return true;
    }

    /// <summary>Whether a row is in the set.</summary>
    public bool Contains(int row)
    {
        var word = row >> 6;
        return row > 0 && word < _bits.Length && (_bits[word] & (1UL << (row & 63))) != 0;
    }

    /// <summary>How many rows this set shares with <paramref name="other"/>.</summary>
    public int CountCommon(RowSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var common = 0;
        var words = Math.Min(_bits.Length, other._bits.Length);
        for (var i = 0; i < words; i++)
        {
            common += System.Numerics.BitOperations.PopCount(_bits[i] & other._bits[i]);
        }

        return common;
    }
}
