namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// Collects the provenance of one scoring call (inputs in definition order, named rules) and
/// produces the <see cref="ScoreResult{TScore}"/>, so every calculator records the same things
/// the same way.
/// </summary>
internal sealed class ScoreRecorder(InstrumentInfo instrument, string? definitionVersion = null, int inputCapacity = ScoreRecorder.TypicalInputs)
{
    // Sized for a typical instrument (a few inputs, three or four rules) so recording does not
    // grow the dictionaries step by step on every scored row; a questionnaire passes its item count.
    private const int TypicalInputs = 8;
    private const int TypicalRules = 4;

    private Dictionary<string, string?> inputs = new(inputCapacity, StringComparer.Ordinal);
    private Dictionary<string, string> rules = new(TypicalRules, StringComparer.Ordinal);

    // Set once a result holds these dictionaries: the next recording copies them first
    // (copy on write), so a result already handed out never changes, and the usual recorder,
    // which records and then yields one result, copies nothing (this runs on every row).
    private bool handedOut;

    public ScoreRecorder Input(string name, string? code)
    {
        CopyIfHandedOut();
        inputs[name] = code;
        return this;
    }

    public ScoreRecorder Rule(string name, string value)
    {
        CopyIfHandedOut();
        rules[name] = value;
        return this;
    }

    public IReadOnlyList<string> MissingInputs() =>
        inputs.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList();

    public ScoreResult<TScore> Computed<TScore>(TScore score)
        where TScore : class
    {
        handedOut = true;
        return new(instrument, definitionVersion, inputs, rules, score, null);
    }

    public ScoreResult<TScore> NotComputable<TScore>(ScoreFailure failure)
        where TScore : class
    {
        handedOut = true;
        return new(instrument, definitionVersion, inputs, rules, null, failure);
    }

    public ScoreResult<TScore> Missing<TScore>()
        where TScore : class =>
        NotComputable<TScore>(ScoreFailure.MissingInputs(instrument.Name, MissingInputs()));

    private void CopyIfHandedOut()
    {
        if (handedOut)
        {
            inputs = new(inputs, StringComparer.Ordinal);
            rules = new(rules, StringComparer.Ordinal);
            handedOut = false;
        }
    }
}
