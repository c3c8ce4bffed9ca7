using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// A questionnaire's inputs as a read-only, ordered map: the item codes and their level texts
/// come from a template built once per definition, and only the row's levels are the row's.
/// It reads exactly as the <see cref="ProvenanceMap{TValue}"/> the recorder would have built
/// (same names, same order, each level as its invariant text, <c>null</c> for unanswered).
/// </summary>
/// <remarks>
/// A questionnaire is scored on nearly every row: a map of twenty name/text pairs per row was
/// the largest single allocation of its scoring, while the row's levels were already held in
/// an array.
/// </remarks>
internal sealed class LevelInputs : IReadOnlyDictionary<string, string?>
{
    private readonly LevelInputsTemplate _template;
    private readonly int?[] _levels;

    /// <summary>Wraps a row's levels (never changed afterwards) under a template.</summary>
    public LevelInputs(LevelInputsTemplate template, int?[] levels)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Length != template.Names.Length)
        {
            throw new ArgumentException("One level per item of the template is expected.", nameof(levels));
        }

        _template = template;
        _levels = levels;
    }

    /// <inheritdoc />
    public int Count => _levels.Length;

    /// <inheritdoc />
    public IEnumerable<string> Keys => Array.AsReadOnly(_template.Names);

    /// <inheritdoc />
    public IEnumerable<string?> Values
    {
        get
        {
            for (var i = 0; i < _levels.Length; i++)
            {
                yield return ValueAt(i);
            }
        }
    }

    /// <inheritdoc />
    public string? this[string key] =>
        _template.IndexOf(key) is var index and >= 0 ? ValueAt(index) : throw new KeyNotFoundException($"No provenance entry '{key}'.");

    /// <inheritdoc />
    public bool ContainsKey(string key) => _template.IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        var index = _template.IndexOf(key);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = ValueAt(index);
        return true;
    }

    /// <summary>The entries in item order.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, string?>> IEnumerable<KeyValuePair<string, string?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Entry <paramref name="index"/> in item order.</summary>
    internal KeyValuePair<string, string?> EntryAt(int index) => new(_template.Names[index], ValueAt(index));

    private string? ValueAt(int index) => _levels[index] is { } level ? _template.LevelText(level) : null;

    /// <summary>Enumerates the entries in item order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, string?>>
    {
        private readonly LevelInputs _inputs;
        private int _index;

        internal Enumerator(LevelInputs inputs)
        {
            _inputs = inputs;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly KeyValuePair<string, string?> Current => new(_inputs._template.Names[_index], _inputs.ValueAt(_index));

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _inputs._levels.Length;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>
/// What every row's <see cref="LevelInputs"/> under one definition shares: the item codes in
/// order (distinct) and each level's invariant text, made once.
/// </summary>
internal sealed class LevelInputsTemplate
{
    private readonly string[] _levelTexts;
    private readonly int _lowestLevel;

    /// <summary>Creates a template for distinct item codes answered from <paramref name="lowestLevel"/> to <paramref name="highestLevel"/>.</summary>
    public LevelInputsTemplate(IEnumerable<string> names, int lowestLevel, int highestLevel)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
        if (Names.Distinct(StringComparer.Ordinal).Count() != Names.Length)
        {
            throw new ArgumentException("Item codes must be distinct.", nameof(names));
        }

        if (highestLevel < lowestLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(highestLevel), "The highest level is below the lowest.");
        }

        _lowestLevel = lowestLevel;
        _levelTexts = new string[checked(highestLevel - lowestLevel + 1)];
        for (var i = 0; i < _levelTexts.Length; i++)
        {
            _levelTexts[i] = (lowestLevel + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The item codes, in order.</summary>
    public string[] Names { get; }

    /// <summary>A level's invariant text (the level must be within the template's range).</summary>
    public string LevelText(int level) => _levelTexts[level - _lowestLevel];

    /// <summary>The position of an item code, or -1.</summary>
    public int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Array.IndexOf(Names, key);
    }
}
