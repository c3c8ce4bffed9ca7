namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// Why a score could not be computed. <see cref="Code"/> is stable and machine-readable;
/// <see cref="Inputs"/> names the inputs involved (for example every missing item).
/// </summary>
/// <param name="Code">Stable failure code, one of the constants on this type.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="Inputs">The inputs (or items) the failure is about, in definition order.</param>
public sealed record ScoreFailure(string Code, string Message, IReadOnlyList<string> Inputs)
{
    /// <summary>Code: one or more required inputs are missing; the instrument defines no imputation.</summary>
    public const string MissingInputCode = "missing_input";

    /// <summary>Code: an input is present but not a valid value for the instrument.</summary>
    public const string InvalidInputCode = "invalid_input";

    /// <summary>Code: an input is valid in the registry but outside the range the instrument is defined for.</summary>
    public const string OutsideInstrumentRangeCode = "outside_instrument_range";

    /// <summary>Code: too few items were answered for the instrument's missing-data rule.</summary>
    public const string InsufficientItemsCode = "insufficient_items";

    /// <summary>Code: two scores cannot be compared (different value set or definition version).</summary>
    public const string IncomparableCode = "incomparable";

    /// <summary>Required inputs are missing; the instrument defines no imputation, so no score.</summary>
    /// <param name="instrument">Instrument name, used in the message.</param>
    /// <param name="missing">The missing inputs, in definition order.</param>
    public static ScoreFailure MissingInputs(string instrument, IReadOnlyList<string> missing) =>
        new(MissingInputCode,
            $"{instrument} cannot be scored: missing {string.Join(", ", missing)} (a missing input is never scored as 0).",
            missing);

    /// <summary>An input holds a value the instrument does not accept.</summary>
    /// <param name="input">The offending input.</param>
    /// <param name="message">What is wrong with it.</param>
    public static ScoreFailure InvalidInput(string input, string message) =>
        new(InvalidInputCode, message, [input]);

    /// <summary>An input is outside the range over which the instrument is defined.</summary>
    /// <param name="input">The offending input.</param>
    /// <param name="message">What the instrument's range is.</param>
    public static ScoreFailure OutsideInstrumentRange(string input, string message) =>
        new(OutsideInstrumentRangeCode, message, [input]);

    /// <summary>Too few items answered for the instrument's rule.</summary>
    /// <param name="message">Which rule failed (answered versus required).</param>
    /// <param name="missingItems">The unanswered items.</param>
    public static ScoreFailure InsufficientItems(string message, IReadOnlyList<string> missingItems) =>
        new(InsufficientItemsCode, message, missingItems);

    /// <summary>Two scores were produced under different rules and cannot be subtracted.</summary>
    /// <param name="message">Which rules differ.</param>
    /// <param name="inputs">The inputs that differ.</param>
    public static ScoreFailure Incomparable(string message, IReadOnlyList<string> inputs) =>
        new(IncomparableCode, message, inputs);
}
