using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// A score's provenance (its inputs or its rules) as a read-only, insertion-ordered map held
/// in one small array. A score records a handful of entries on every scored row and is then
/// only enumerated (when stored) or looked up by a test: a hash table per score cost more to
/// build than every lookup it would ever save, so lookups scan the array.
/// </summary>
/// <typeparam name="TValue">The recorded value type (a code, or a rule's choice).</typeparam>
internal sealed class ProvenanceMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private KeyValuePair<string, TValue>[] _entries;
    private int _count;

    /// <summary>Creates an empty map with room for <paramref name="capacity"/> entries before it grows.</summary>
    public ProvenanceMap(int capacity) =>
        _entries = capacity > 0 ? new KeyValuePair<string, TValue>[capacity] : [];

    /// <summary>Creates a map holding a copy of <paramref name="source"/>'s entries, in order.</summary>
    public ProvenanceMap(ProvenanceMap<TValue> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _entries = source._count == 0 ? [] : source._entries[..source._count];
        _count = source._count;
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _entries[i].Key;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<TValue> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _entries[i].Value;
            }
        }
    }

    /// <inheritdoc />
    public TValue this[string key] =>
        IndexOf(key) is var index and >= 0 ? _entries[index].Value : throw new KeyNotFoundException($"No provenance entry '{key}'.");

    /// <summary>Sets a value: a new name is appended, a recorded one keeps its place (as a dictionary does).</summary>
    public void Set(string key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = IndexOf(key);
        if (index >= 0)
        {
            _entries[index] = new(key, value);
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, checked(_entries.Length * 2)));
        }

        _entries[_count++] = new(key, value);
    }

    /// <summary>
    /// Appends a name the caller knows is not recorded yet (the items of one questionnaire
    /// definition, whose codes are distinct): the same as <see cref="Set"/> without the
    /// search for an earlier entry, which for a questionnaire's items cost a string
    /// comparison per pair of items on every scored row.
    /// </summary>
    public void AppendNew(string key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        System.Diagnostics.Debug.Assert(IndexOf(key) < 0, "AppendNew is for names not recorded yet.");
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, checked(_entries.Length * 2)));
        }

        _entries[_count++] = new(key, value);
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = _entries[index].Value;
        return true;
    }

    /// <summary>The entries in the order they were recorded.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Entry <paramref name="index"/> in recorded order (below <see cref="Count"/>).</summary>
    internal KeyValuePair<string, TValue> EntryAt(int index) =>
        index < _count ? _entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Enumerates the entries in recorded order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, TValue>>
    {
        private readonly ProvenanceMap<TValue> _map;
        private int _index;

        internal Enumerator(ProvenanceMap<TValue> map)
        {
            _map = map;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly KeyValuePair<string, TValue> Current => _map._entries[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _map._count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
