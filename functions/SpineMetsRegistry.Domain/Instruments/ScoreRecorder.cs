namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// Collects the provenance of one scoring call (inputs in definition order, named rules) and
/// produces the <see cref="ScoreResult{TScore}"/>, so every calculator records the same things
/// the same way.
/// </summary>
internal sealed class ScoreRecorder
{
    // Sized for a typical instrument (a few inputs, three or four rules) so recording does not
    // grow the maps step by step on every scored row; a questionnaire passes its item count.
    private const int TypicalInputs = 8;
    private const int TypicalRules = 4;

    private readonly InstrumentInfo _instrument;
    private readonly string? _definitionVersion;
    private ProvenanceMap<string?> _inputs;
    private ProvenanceMap<string> _rules;

    // Set once a result (or, for rules, the instrument's shared rule set) holds a map: the next
    // recording copies it first (copy on write), so a map handed out never changes, and the
    // usual recorder, which records and then yields one result, copies nothing (this runs on
    // every row).
    private bool _inputsHandedOut;
    private bool _rulesHandedOut;

    /// <summary>Creates a recorder with no rules yet.</summary>
    public ScoreRecorder(InstrumentInfo instrument, string? definitionVersion = null, int inputCapacity = TypicalInputs)
    {
        _instrument = instrument;
        _definitionVersion = definitionVersion;
        _inputs = new(inputCapacity);
        _rules = new(TypicalRules);
    }

    /// <summary>
    /// Creates a recorder whose rules start as <paramref name="sharedRules"/>: the rules an
    /// instrument applies on every row under one setting, built once (see <see cref="RuleSet"/>)
    /// and shared by every result that adds none (a result that adds one gets its own copy).
    /// </summary>
    public ScoreRecorder(InstrumentInfo instrument, string? definitionVersion, ProvenanceMap<string> sharedRules, int inputCapacity = TypicalInputs)
    {
        ArgumentNullException.ThrowIfNull(sharedRules);
        _instrument = instrument;
        _definitionVersion = definitionVersion;
        _inputs = new(inputCapacity);
        _rules = sharedRules;
        _rulesHandedOut = true;
    }

    /// <summary>A rule set built once, to be shared by recorders (never changed afterwards).</summary>
    public static ProvenanceMap<string> RuleSet(params ReadOnlySpan<(string Name, string Value)> rules)
    {
        var set = new ProvenanceMap<string>(rules.Length);
        foreach (var (name, value) in rules)
        {
            set.Set(name, value);
        }

        return set;
    }

    public ScoreRecorder Input(string name, string? code)
    {
        if (_inputsHandedOut)
        {
            _inputs = new(_inputs);
            _inputsHandedOut = false;
        }

        _inputs.Set(name, code);
        return this;
    }

    /// <summary>
    /// Records an input whose name the caller knows is new to this recorder (distinct item
    /// codes of one definition, recorded once each): see <see cref="ProvenanceMap{TValue}.AppendNew"/>.
    /// </summary>
    public ScoreRecorder NewInput(string name, string? code)
    {
        if (_inputsHandedOut)
        {
            _inputs = new(_inputs);
            _inputsHandedOut = false;
        }

        _inputs.AppendNew(name, code);
        return this;
    }

    public ScoreRecorder Rule(string name, string value)
    {
        if (_rulesHandedOut)
        {
            _rules = new(_rules);
            _rulesHandedOut = false;
        }

        _rules.Set(name, value);
        return this;
    }

    public IReadOnlyList<string> MissingInputs()
    {
        var missing = new List<string>();
        foreach (var (name, code) in _inputs)
        {
            if (code is null)
            {
                missing.Add(name);
            }
        }

        return missing;
    }

    public ScoreResult<TScore> Computed<TScore>(TScore score)
        where TScore : class
    {
        _inputsHandedOut = _rulesHandedOut = true;
        return new(_instrument, _definitionVersion, _inputs, _rules, score, null);
    }

    public ScoreResult<TScore> NotComputable<TScore>(ScoreFailure failure)
        where TScore : class
    {
        _inputsHandedOut = _rulesHandedOut = true;
        return new(_instrument, _definitionVersion, _inputs, _rules, null, failure);
    }

    public ScoreResult<TScore> Missing<TScore>()
        where TScore : class =>
        NotComputable<TScore>(ScoreFailure.MissingInputs(_instrument.Name, MissingInputs()));
}
