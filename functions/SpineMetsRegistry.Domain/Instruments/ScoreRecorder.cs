namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// Collects the provenance of one scoring call (inputs in definition order, named rules) and
/// produces the <see cref="ScoreResult{TScore}"/>, so every calculator records the same things
/// the same way.
/// </summary>
internal sealed class ScoreRecorder(InstrumentInfo instrument, string? definitionVersion = null)
{
    private readonly Dictionary<string, string?> inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> rules = new(StringComparer.Ordinal);

    public ScoreRecorder Input(string name, string? code)
    {
        inputs[name] = code;
        return this;
    }

    public ScoreRecorder Rule(string name, string value)
    {
        rules[name] = value;
        return this;
    }

    public IReadOnlyList<string> MissingInputs() =>
        inputs.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList();

    public ScoreResult<TScore> Computed<TScore>(TScore score)
        where TScore : class =>
        new(instrument, definitionVersion, Snapshot(inputs), Snapshot(rules), score, null);

    public ScoreResult<TScore> NotComputable<TScore>(ScoreFailure failure)
        where TScore : class =>
        new(instrument, definitionVersion, Snapshot(inputs), Snapshot(rules), null, failure);

    public ScoreResult<TScore> Missing<TScore>()
        where TScore : class =>
        NotComputable<TScore>(ScoreFailure.MissingInputs(instrument.Name, MissingInputs()));

    // A copy, so later recording on this recorder never changes a result already handed out.
    private static Dictionary<string, TValue> Snapshot<TValue>(Dictionary<string, TValue> source) =>
        new(source, StringComparer.Ordinal);
}
