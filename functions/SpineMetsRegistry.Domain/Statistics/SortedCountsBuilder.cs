namespace SpineMetsRegistry.Domain.Statistics;

/// <summary>
/// Counts per distinct decimal key, built into two sorted arrays: what <see cref="ValueCounts"/>
/// and <see cref="Survival.SurvivalCounts"/> keep. An entry costs its key and its count (24 bytes
/// for a <see cref="long"/> count), where a sorted tree costs a node of 64 or more; a site's
/// committee statistics hold hundreds of thousands of entries.
/// <para>
/// Adding a key already present finds it by binary search and adds in place. A new key waits in
/// a small pending buffer, and the buffer is sorted into the arrays when full (or when the arrays
/// are read), so building n entries one at a time costs about n²/<see cref="MaxPending"/> copies
/// instead of n². Equal keys keep the first representation added (1.0 stays 1.0 when 1.00
/// follows), as a sorted dictionary keeps its first key.
/// </para>
/// </summary>
/// <typeparam name="T">The count: a number, or several counted together.</typeparam>
/// <param name="add">Adds two counts (associative and commutative).</param>
internal sealed class SortedCountsBuilder<T>(Func<T, T, T> add)
    where T : struct
{
    private const int MaxPending = 32;

    private decimal[] _keys = [];
    private T[] _counts = [];
    private (decimal Key, T Count)[] _pending = [];
    private int _pendingCount;

    // The arrays were handed out by ToArrays: copy before the next change.
    private bool _shared;

    /// <summary>Adds to a key's count.</summary>
    public void Add(decimal key, T count)
    {
        var index = Array.BinarySearch(_keys, key);
        if (index >= 0)
        {
            Unshare();
            _counts[index] = add(_counts[index], count);
            return;
        }

        if (_pendingCount == _pending.Length)
        {
            if (_pending.Length >= MaxPending)
            {
                Flush();
            }
            else
            {
                Array.Resize(ref _pending, Math.Max(4, _pending.Length * 2));
            }
        }

        _pending[_pendingCount++] = (key, count);
    }

    /// <summary>Adds counts given as sorted arrays of distinct keys (another built set).</summary>
    public void AddSorted(decimal[] keys, T[] counts)
    {
        if (keys.Length <= MaxPending / 4)
        {
            // A patient's few values: one by one, so the arrays are not copied for each patient.
            for (var i = 0; i < keys.Length; i++)
            {
                Add(keys[i], counts[i]);
            }

            return;
        }

        Flush();

        if (_keys.Length == 0)
        {
            // Shared with their owner, which never changes them: copy before a change.
            _keys = keys;
            _counts = counts;
            _shared = true;
            return;
        }

        (_keys, _counts) = Merge(_keys, _counts, keys, counts, keys.Length);
        _shared = false;
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

    private void Flush()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        // Insertion sort: stable (the first of equal keys stays first) and quick for 32 entries.
        for (var i = 1; i < _pendingCount; i++)
        {
            var item = _pending[i];
            var j = i - 1;
            while (j >= 0 && _pending[j].Key > item.Key)
            {
                _pending[j + 1] = _pending[j];
                j--;
            }

            _pending[j + 1] = item;
        }

        var keys = new decimal[_pendingCount];
        var counts = new T[_pendingCount];
        var distinct = 0;
        for (var i = 0; i < _pendingCount; i++)
        {
            if (distinct > 0 && keys[distinct - 1] == _pending[i].Key)
            {
                counts[distinct - 1] = add(counts[distinct - 1], _pending[i].Count);
            }
            else
            {
                keys[distinct] = _pending[i].Key;
                counts[distinct] = _pending[i].Count;
                distinct++;
            }
        }

        _pendingCount = 0;
        (_keys, _counts) = Merge(_keys, _counts, keys, counts, distinct);
        _shared = false;
    }

    // Both inputs sorted with distinct keys; an equal key keeps the left one's representation.
    private (decimal[] Keys, T[] Counts) Merge(decimal[] leftKeys, T[] leftCounts, decimal[] rightKeys, T[] rightCounts, int rightLength)
    {
        var keys = new decimal[leftKeys.Length + rightLength];
        var counts = new T[keys.Length];
        int l = 0, r = 0, n = 0;
        while (l < leftKeys.Length || r < rightLength)
        {
            if (r == rightLength || (l < leftKeys.Length && leftKeys[l] < rightKeys[r]))
            {
                keys[n] = leftKeys[l];
                counts[n++] = leftCounts[l++];
            }
            else if (l == leftKeys.Length || rightKeys[r] < leftKeys[l])
            {
                keys[n] = rightKeys[r];
                counts[n++] = rightCounts[r++];
            }
            else
            {
                keys[n] = leftKeys[l];
                counts[n++] = add(leftCounts[l++], rightCounts[r++]);
            }
        }

        if (n < keys.Length)
        {
            Array.Resize(ref keys, n);
            Array.Resize(ref counts, n);
        }

        return (keys, counts);
    }
}
