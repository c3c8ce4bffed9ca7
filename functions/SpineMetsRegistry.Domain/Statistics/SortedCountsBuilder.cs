namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>
/// Counts per distinct decimal key, built into two sorted arrays: what <see cref="ValueCounts"/>
/// and <see cref="Survival.SurvivalCounts"/> keep. An entry costs its key and its count (24 bytes
/// for a <see cref="long"/> count), where a sorted tree costs a node of 64 or more; a site's
/// committee statistics hold hundreds of thousands of entries.
/// <para>
/// Adding a key already present finds it by binary search and adds in place. A new key waits in
/// a pending buffer of up to a sixteenth of the arrays (at least 32 entries), which is sorted into
/// them when full or when they are read: about 16 copies per new key on average, however large
/// the arrays. Adding another set's counts is the same per key, so the pooled step, adding 200
/// sites' statistics into one builder, costs a binary search per site value rather than a copy
/// of the pooled arrays per site. Equal keys keep the first representation added (1.0 stays 1.0
/// when 1.00 follows), as a sorted dictionary keeps its first key.
/// </para>
/// </summary>
/// <typeparam name="T">The count: a number, or several counted together.</typeparam>
/// <param name="add">Adds two counts (associative and commutative).</param>
internal sealed class SortedCountsBuilder<T>(Func<T, T, T> add)
    where T : struct
{
    private const int MinPending = 32;

    // Pending entries by key, then in the order they came (so the first of equal keys stays first).
    private static readonly Comparer<PendingEntry> KeyThenArrival = Comparer<PendingEntry>.Create(
        (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Arrival.CompareTo(b.Arrival));

    private decimal[] _keys = [];
    private T[] _counts = [];
    private PendingEntry[] _pending = [];
    private int _pendingCount;

    // The arrays are shared (handed out by ToArrays, or taken from another set): copy before a change.
    private bool _shared;

    /// <summary>Adds to a key's count.</summary>
    public void Add(decimal key, T count)
    {
        // Room first: a flush moves pending keys into the arrays, where the search below finds them.
        if (_pendingCount == _pending.Length)
        {
            if (_pending.Length >= Math.Max(MinPending, _keys.Length / 16))
            {
                Flush();
            }
            else
            {
                Array.Resize(ref _pending, Math.Max(4, _pending.Length * 2));
            }
        }

        var index = Array.BinarySearch(_keys, key);
        if (index >= 0)
        {
            Unshare();
            _counts[index] = add(_counts[index], count);
            return;
        }

        _pending[_pendingCount] = new PendingEntry(key, count, _pendingCount);
        _pendingCount++;
    }

    /// <summary>Adds counts given as sorted arrays of distinct keys (another built set, never changed).</summary>
    public void AddSorted(decimal[] keys, T[] counts)
    {
        if (_keys.Length == 0 && _pendingCount == 0)
        {
            // The first set: its arrays as they are, copied only if this builder changes them.
            _keys = keys;
            _counts = counts;
            _shared = true;
            return;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Add(keys[i], counts[i]);
        }
    }

    /// <summary>The sorted keys and their counts; the builder copies them before it changes again.</summary>
    public (decimal[] Keys, T[] Counts) ToArrays()
    {
        Flush();
        _pending = [];
        _shared = true;
        return (_keys, _counts);
    }

    private void Unshare()
    {
        if (_shared)
        {
            _keys = (decimal[])_keys.Clone();
            _counts = (T[])_counts.Clone();
            _shared = false;
        }
    }

    // Sorts the pending entries into the arrays: one merge of two sorted runs into new arrays.
    private void Flush()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        Array.Sort(_pending, 0, _pendingCount, KeyThenArrival);
        var keys = new decimal[_keys.Length + _pendingCount];
        var counts = new T[keys.Length];
        int main = 0, pending = 0, n = 0;
        while (main < _keys.Length || pending < _pendingCount)
        {
            var next = pending < _pendingCount ? _pending[pending] : default;
            if (pending == _pendingCount || (main < _keys.Length && _keys[main] <= next.Key))
            {
                keys[n] = _keys[main];
                counts[n++] = _counts[main++];
            }
            else if (n > 0 && keys[n - 1] == next.Key)
            {
                // A key pending twice, or already in the arrays: one count, the first key kept.
                counts[n - 1] = add(counts[n - 1], next.Count);
                pending++;
            }
            else
            {
                keys[n] = next.Key;
                counts[n++] = next.Count;
                pending++;
            }
        }

        Array.Resize(ref keys, n);
        Array.Resize(ref counts, n);
        (_keys, _counts) = (keys, counts);
        _pendingCount = 0;
        _shared = false;
    }

    private readonly record struct PendingEntry(decimal Key, T Count, int Arrival);
}
