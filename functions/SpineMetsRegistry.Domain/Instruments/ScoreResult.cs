namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// The outcome of scoring one instrument on one set of inputs: a score, or the reason none can
/// be computed. Either way it carries what is needed to reproduce it: the instrument and its
/// version, the definition or value-set version, the coded inputs used and every named rule
/// applied (for example the KPS-to-ECOG map or the Bilsky 1c policy).
/// </summary>
/// <typeparam name="TScore">The instrument's score type.</typeparam>
public sealed record ScoreResult<TScore>
    where TScore : class
{
    internal ScoreResult(
        InstrumentInfo instrument,
        string? definitionVersion,
        IReadOnlyDictionary<string, string?> inputs,
        IReadOnlyDictionary<string, string> rules,
        TScore? score,
        ScoreFailure? failure)
    {
        Instrument = instrument.Name;
        InstrumentVersion = instrument.Version;
        DefinitionVersion = definitionVersion;
        Inputs = inputs;
        Rules = rules;
        Score = score;
        Failure = failure;
    }

    /// <summary>Instrument name (e.g. <c>SINS</c>).</summary>
    public string Instrument { get; }

    /// <summary>Version of the instrument definition implemented.</summary>
    public string InstrumentVersion { get; }

    /// <summary>Value-set or data-driven definition version, where the instrument has one.</summary>
    public string? DefinitionVersion { get; }

    /// <summary>The inputs used, as registry codes, in definition order; <c>null</c> marks a missing input.</summary>
    public IReadOnlyDictionary<string, string?> Inputs { get; }

    /// <summary>Named rules or settings applied, with the choice made (e.g. <c>kpsEcogMap: conventional</c>).</summary>
    public IReadOnlyDictionary<string, string> Rules { get; }

    /// <summary>True when <see cref="Score"/> holds a value; false when <see cref="Failure"/> explains why not.</summary>
    public bool IsComputable => Score is not null;

    /// <summary>The score, or <c>null</c> when it is not computable.</summary>
    public TScore? Score { get; }

    /// <summary>Why no score was computed, or <c>null</c> when it was.</summary>
    public ScoreFailure? Failure { get; }
}
