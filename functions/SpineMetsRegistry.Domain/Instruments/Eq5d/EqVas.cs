using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>The EQ visual analogue scale: the respondent's own rating of their health today, 0 (worst imaginable) to 100 (best imaginable), integer.</summary>
public readonly record struct EqVas
{
    private EqVas(int value) => Value = value;

    /// <summary>The rating, 0-100.</summary>
    public int Value { get; }

    /// <summary>Creates a rating, checking the 0-100 range.</summary>
    /// <param name="value">The rating.</param>
    public static ParseResult<EqVas> Create(int value) =>
        value is >= 0 and <= 100
            ? ParseResult.Success(new EqVas(value))
            : ParseResult.Failure<EqVas>(ParseError.OutOfRangeCode, string.Create(CultureInfo.InvariantCulture, $"EQ VAS: {value} is outside 0-100."));

    /// <summary>Parses an integer rating 0-100.</summary>
    /// <param name="text">The text.</param>
    public static ParseResult<EqVas> Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Create(value)
            : ParseResult.Failure<EqVas>(ParseError.MalformedCode, $"EQ VAS: '{text}' is not an integer 0-100.");

    /// <summary>Parses without an error description.</summary>
    /// <param name="text">The text.</param>
    /// <param name="vas">The rating on success.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string? text, out EqVas vas) => Parse(text).TryGetValue(out vas);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
