using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Performance;

/// <summary>
/// Karnofsky performance status, 0 (dead) to 100 (normal) in steps of 10. Karnofsky DA,
/// Burchenal JH. The clinical evaluation of chemotherapeutic agents in cancer. In: MacLeod CM,
/// ed. Evaluation of Chemotherapeutic Agents. Columbia University Press; 1949:191-205.
/// </summary>
public readonly record struct KarnofskyScore
{
    private KarnofskyScore(int value) => Value = value;

    /// <summary>The score, 0-100, a multiple of 10.</summary>
    public int Value { get; }

    /// <summary>Creates a score, checking 0-100 in steps of 10.</summary>
    /// <param name="value">The score.</param>
    public static ParseResult<KarnofskyScore> Create(int value) =>
        value is >= 0 and <= 100 && value % 10 == 0
            ? ParseResult.Success(new KarnofskyScore(value))
            : ParseResult.Failure<KarnofskyScore>(ParseError.OutOfRangeCode, string.Create(CultureInfo.InvariantCulture, $"KPS: {value} is not one of 0, 10, ..., 100."));

    /// <summary>Parses an integer score (0-100, step 10).</summary>
    /// <param name="text">The text.</param>
    public static ParseResult<KarnofskyScore> Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Create(value)
            : ParseResult.Failure<KarnofskyScore>(ParseError.MalformedCode, $"KPS: '{text}' is not an integer 0-100 in steps of 10.");

    /// <summary>Parses without an error description.</summary>
    /// <param name="text">The text.</param>
    /// <param name="score">The score on success.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string? text, out KarnofskyScore score) => Parse(text).TryGetValue(out score);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
