using SpineMetsRegistry.Domain.Instruments;

namespace SpineMetsRegistry.Domain.Scoring;

/// <summary>
/// An instrument's coded inputs in order (<see cref="InstrumentScores.InputEntries"/>), read
/// straight from the scorer's own map types: the store renders every input of every stored
/// row, and an interface call per entry (now over two map types, so no longer resolved once
/// per call site) cost more than the rest of the rendering of an entry. Any other map is read
/// through its interface.
/// </summary>
public readonly struct InputEntries
{
    private readonly IReadOnlyDictionary<string, string?> _inputs;

    private InputEntries(IReadOnlyDictionary<string, string?> inputs) => _inputs = inputs;

    /// <summary>The entries of any inputs map (a score's <see cref="DerivedScore.Inputs"/>, for example).</summary>
    public static InputEntries Of(IReadOnlyDictionary<string, string?> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new(inputs);
    }

    /// <summary>The entries in order.</summary>
    public Enumerator GetEnumerator() => new(_inputs);

    /// <summary>Enumerates the entries in order.</summary>
    public struct Enumerator
    {
        private readonly ProvenanceMap<string?>? _map;
        private readonly LevelInputs? _levels;
        private readonly IEnumerator<KeyValuePair<string, string?>>? _other;
        private readonly int _count;
        private int _index;

        internal Enumerator(IReadOnlyDictionary<string, string?> inputs)
        {
            _map = inputs as ProvenanceMap<string?>;
            _levels = inputs as LevelInputs;
            _other = _map is null && _levels is null ? inputs.GetEnumerator() : null;
            _count = inputs.Count;
            _index = -1;
        }

        /// <summary>The current entry.</summary>
        public readonly KeyValuePair<string, string?> Current =>
            _levels is not null ? _levels.EntryAt(_index) : _map is not null ? _map.EntryAt(_index) : _other!.Current;

        /// <summary>Moves to the next entry.</summary>
        public bool MoveNext() => _other is not null ? _other.MoveNext() : ++_index < _count;
    }
}
