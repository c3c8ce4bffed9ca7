using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Performance;

/// <summary>
/// ECOG performance status, 0 (fully active) to 5 (dead). Oken MM et al., Toxicity and response
/// criteria of the Eastern Cooperative Oncology Group. Am J Clin Oncol 1982;5(6):649-55.
/// </summary>
public readonly record struct EcogGrade
{
    private EcogGrade(int value) => Value = value;

    /// <summary>The grade, 0-5.</summary>
    public int Value { get; }

    /// <summary>Creates a grade, checking the 0-5 range.</summary>
    /// <param name="value">The grade.</param>
    public static ParseResult<EcogGrade> Create(int value) =>
        value is >= 0 and <= 5
            ? ParseResult.Success(new EcogGrade(value))
            : ParseResult.Failure<EcogGrade>(ParseError.OutOfRangeCode, string.Create(CultureInfo.InvariantCulture, $"ECOG: {value} is outside 0-5."));

    /// <summary>Parses an integer grade 0-5.</summary>
    /// <param name="text">The text.</param>
    public static ParseResult<EcogGrade> Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Create(value)
            : ParseResult.Failure<EcogGrade>(ParseError.MalformedCode, $"ECOG: '{text}' is not an integer 0-5.");

    /// <summary>Parses without an error description.</summary>
    /// <param name="text">The text.</param>
    /// <param name="grade">The grade on success.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string? text, out EcogGrade grade) => Parse(text).TryGetValue(out grade);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
