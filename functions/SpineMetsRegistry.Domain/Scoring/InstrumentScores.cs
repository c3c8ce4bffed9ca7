namespace SpineMetsRegistry.Domain.Scoring;

/// <summary>
/// The scores one instrument gave a record, with the provenance they share: the instrument and
/// its version, the definition or value set, the coded inputs and the named rules. Most
/// instruments give one score; SOSGOQ gives one per scale and its total, all from the same
/// inputs and rules, so they are held here once rather than once per score.
/// </summary>
public sealed class InstrumentScores
{
    // One score: held in fields. Several: one entry per score in the arrays (names shared by
    // every row of a definition; reasons made only when a score has one).
    private readonly string _name;
    private readonly decimal? _value;
    private readonly string? _category;
    private readonly string? _reason;
    private readonly string[]? _names;
    private readonly decimal?[]? _values;
    private readonly string?[]? _reasons;

    private InstrumentScores(
        string instrument,
        string instrumentVersion,
        string? definition,
        IReadOnlyDictionary<string, string?> inputs,
        IReadOnlyDictionary<string, string> rules,
        string name,
        decimal? value,
        string? category,
        string? reason,
        string[]? names,
        decimal?[]? values,
        string?[]? reasons)
    {
        Instrument = instrument;
        InstrumentVersion = instrumentVersion;
        Definition = definition;
        Inputs = inputs;
        Rules = rules;
        _name = name;
        _value = value;
        _category = category;
        _reason = reason;
        _names = names;
        _values = values;
        _reasons = reasons;
    }

    /// <summary>Instrument name.</summary>
    public string Instrument { get; }

    /// <summary>Instrument version.</summary>
    public string InstrumentVersion { get; }

    /// <summary>Value set or scoring definition version, or null.</summary>
    public string? Definition { get; }

    /// <summary>The coded inputs every score here used (null marks a missing one).</summary>
    public IReadOnlyDictionary<string, string?> Inputs { get; }

    /// <summary>The named rules every score here applied.</summary>
    public IReadOnlyDictionary<string, string> Rules { get; }

    /// <summary>The inputs in order, read without an interface call per entry (see <see cref="Scoring.InputEntries"/>).</summary>
    public InputEntries InputEntries() => Scoring.InputEntries.Of(Inputs);

    /// <summary>How many scores.</summary>
    public int Count => _names?.Length ?? 1;

    /// <summary>Score <paramref name="index"/>'s name.</summary>
    public string Name(int index) => _names is { } names ? names[Checked(index)] : At(index, _name);

    /// <summary>Score <paramref name="index"/>'s number, or null.</summary>
    public decimal? Value(int index) => _values is { } values ? values[Checked(index)] : At(index, _value);

    /// <summary>Score <paramref name="index"/>'s category, or null (several scores have none).</summary>
    public string? Category(int index) => At(index, _category);

    /// <summary>Why score <paramref name="index"/> has no value, or null.</summary>
    public string? NotComputableReason(int index) =>
        _names is not null ? _reasons?[Checked(index)] ?? At(index, (string?)null) : At(index, _reason);

    /// <summary>Score <paramref name="index"/> as a <see cref="DerivedScore"/> (a new object each call).</summary>
    public DerivedScore Score(int index) =>
        new(Name(index), Value(index), Category(index), Instrument, InstrumentVersion, Definition, Inputs, Rules, NotComputableReason(index));

    /// <summary>One score.</summary>
    public static InstrumentScores One(
        string name,
        decimal? value,
        string? category,
        string instrument,
        string instrumentVersion,
        string? definition,
        IReadOnlyDictionary<string, string?> inputs,
        IReadOnlyDictionary<string, string> rules,
        string? notComputableReason)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(instrumentVersion);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rules);
        return new(instrument, instrumentVersion, definition, inputs, rules, name, value, category, notComputableReason, null, null, null);
    }

    /// <summary>
    /// Several uncategorised scores sharing their provenance (the arrays are held, never
    /// copied: the caller gives them up; <paramref name="names"/> may be shared read-only).
    /// </summary>
    /// <param name="names">Each score's name.</param>
    /// <param name="values">Each score's number, or null.</param>
    /// <param name="notComputableReasons">Each score's reason for having no value, or null when none has one.</param>
    /// <param name="instrument">Instrument name.</param>
    /// <param name="instrumentVersion">Instrument version.</param>
    /// <param name="definition">Definition version, or null.</param>
    /// <param name="inputs">The coded inputs.</param>
    /// <param name="rules">The named rules.</param>
    public static InstrumentScores Many(
        string[] names,
        decimal?[] values,
        string?[]? notComputableReasons,
        string instrument,
        string instrumentVersion,
        string? definition,
        IReadOnlyDictionary<string, string?> inputs,
        IReadOnlyDictionary<string, string> rules)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(instrumentVersion);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rules);
        if (names.Length == 0 || values.Length != names.Length || (notComputableReasons is not null && notComputableReasons.Length != names.Length))
        {
            throw new ArgumentException("One value (and reason, if any) per name, and at least one name, are expected.", nameof(values));
        }

        return new(instrument, instrumentVersion, definition, inputs, rules, names[0], null, null, null, names, values, notComputableReasons);
    }

    private int Checked(int index) =>
        index >= 0 && index < Count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "No such score.");

    // A field of the one score (or one all the scores share), once the index is checked.
    private T At<T>(int index, T value)
    {
        _ = Checked(index);
        return value;
    }
}
