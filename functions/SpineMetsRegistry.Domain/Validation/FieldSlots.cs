using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// Each field of a data dictionary numbered by its position in the dictionary (its slot), so a
/// row's cells and typed values are kept in arrays indexed by slot rather than in hash tables
/// filled per row. Built once per dictionary and shared (read-only afterwards).
/// </summary>
internal sealed class FieldSlots
{
    private static readonly ConditionalWeakTable<DataDictionary, FieldSlots> ByDictionary = [];

    private readonly FieldDefinition[] _fields;
    private readonly FieldTyper[] _typers;
    private readonly FrozenDictionary<string, int> _slotByCode;

    private FieldSlots(DataDictionary dictionary)
    {
        _fields = [.. dictionary.Fields];
        _typers = Array.ConvertAll(_fields, FieldTyper.For);
        var slots = new Dictionary<string, int>(_fields.Length, StringComparer.Ordinal);
        for (var slot = 0; slot < _fields.Length; slot++)
        {
            slots.TryAdd(_fields[slot].Code, slot);
        }

        _slotByCode = slots.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>How many slots (the dictionary's field count).</summary>
    public int Count => _fields.Length;

    /// <summary>The slots of a dictionary (built on first use, then shared).</summary>
    public static FieldSlots Of(DataDictionary dictionary) => ByDictionary.GetValue(dictionary, d => new FieldSlots(d));

    /// <summary>The field in a slot.</summary>
    public FieldDefinition Field(int slot) => _fields[slot];

    /// <summary>The typer of the field in a slot (made once per dictionary, like the slots).</summary>
    public FieldTyper Typer(int slot) => _typers[slot];

    /// <summary>The field code in a slot.</summary>
    public string Code(int slot) => _fields[slot].Code;

    /// <summary>The slot of a field code, or false for a code the dictionary lacks.</summary>
    public bool TryGetSlot(string code, out int slot) => _slotByCode.TryGetValue(code, out slot);
}

/// <summary>
/// A row's values by field slot: set, read and removed like a dictionary keyed by field code,
/// and enumerated in the order the codes were first set (as a dictionary filled the same way
/// and never re-filled after a removal enumerates), without a hash table per row.
/// </summary>
/// <typeparam name="TValue">The value type (a trimmed cell, or a typed value).</typeparam>
internal sealed class FieldSlotMap<TValue> : IReadOnlyDictionary<string, TValue>
    where TValue : class
{
    private readonly FieldSlots _slots;
    private readonly TValue?[] _values;
    private readonly int[] _order;
    private int _count;

    /// <summary>Creates an empty map over a dictionary's slots.</summary>
    public FieldSlotMap(FieldSlots slots)
        : this(slots, slots?.Count ?? 0)
    {
    }

    /// <summary>
    /// Creates an empty map over a dictionary's slots that will hold at most
    /// <paramref name="capacity"/> values (a row's typed values are at most its cells): its
    /// order is kept in an array of that size rather than of the dictionary's.
    /// </summary>
    public FieldSlotMap(FieldSlots slots, int capacity)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _slots = slots;
        _values = new TValue?[slots.Count];
        _order = new int[Math.Min(capacity, slots.Count)];
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <summary>The slots this map is indexed by (a reader that resolved its fields' slots against them reads by slot).</summary>
    public FieldSlots Slots => _slots;

    /// <inheritdoc />
    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _slots.Code(_order[i]);
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
                yield return _values[_order[i]]!;
            }
        }
    }

    /// <inheritdoc />
    public TValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No value for field '{key}'.");

    /// <summary>The value in a slot, or null.</summary>
    public TValue? this[int slot] => _values[slot];

    /// <summary>The slot of the <paramref name="index"/>-th value set (in enumeration order).</summary>
    public int SlotAt(int index) => _order[index];

    /// <summary>Sets a slot's value: a new slot goes last in the order, a set one keeps its place.</summary>
    /// <exception cref="InvalidOperationException">The map already holds as many values as its capacity.</exception>
    public void Set(int slot, TValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_values[slot] is null)
        {
            if (_count == _order.Length)
            {
                throw new InvalidOperationException("The map holds as many values as it was made for.");
            }

            _order[_count++] = slot;
        }

        _values[slot] = value;
    }

    /// <summary>Removes a slot's value (the others keep their order).</summary>
    public void Remove(int slot)
    {
        if (_values[slot] is null)
        {
            return;
        }

        _values[slot] = null;
        var index = Array.IndexOf(_order, slot, 0, _count);
        Array.Copy(_order, index + 1, _order, index, _count - index - 1);
        _count--;
    }

    /// <summary>
    /// Empties the map, visiting only the slots that were set (a map reused row after row is
    /// cleared in proportion to the row's cells, not to the dictionary's size).
    /// </summary>
    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _values[_order[i]] = null;
        }

        _count = 0;
    }

    /// <summary>Whether a slot holds a value.</summary>
    public bool Has(int slot) => _values[slot] is not null;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _slots.TryGetSlot(key, out var slot) && _values[slot] is not null;

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        if (_slots.TryGetSlot(key, out var slot) && _values[slot] is { } found)
        {
            value = found;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The values in the order they were set.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the values in the order they were set.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, TValue>>
    {
        private readonly FieldSlotMap<TValue> _map;
        private int _index;

        internal Enumerator(FieldSlotMap<TValue> map)
        {
            _map = map;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly KeyValuePair<string, TValue> Current
        {
            get
            {
                var slot = _map._order[_index];
                return new(_map._slots.Code(slot), _map._values[slot]!);
            }
        }

        readonly object System.Collections.IEnumerator.Current => Current;

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
