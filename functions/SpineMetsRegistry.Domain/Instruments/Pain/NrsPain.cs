using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Pain;

/// <summary>
/// Numeric rating scale for pain: an integer 0 (no pain) to 10 (worst imaginable pain). Lower is
/// better, which the change scores take into account.
/// </summary>
public readonly record struct NrsPain
{
    /// <summary>Highest rating (10).</summary>
    public const int Maximum = 10;

    private NrsPain(int value) => Value = value;

    /// <summary>The rating, 0-10.</summary>
    public int Value { get; }

    /// <summary>Creates a rating, checking the 0-10 range.</summary>
    /// <param name="value">The rating.</param>
    public static ParseResult<NrsPain> Create(int value) =>
        value is >= 0 and <= Maximum
            ? ParseResult.Success(new NrsPain(value))
            : ParseResult.Failure<NrsPain>(ParseError.OutOfRangeCode, string.Create(CultureInfo.InvariantCulture, $"NRS pain: {value} is outside 0-10."));

    /// <summary>Parses an integer rating 0-10 (no decimals: the NRS has whole steps).</summary>
    /// <param name="text">The text.</param>
    public static ParseResult<NrsPain> Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Create(value)
            : ParseResult.Failure<NrsPain>(ParseError.MalformedCode, $"NRS pain: '{text}' is not an integer 0-10.");

    /// <summary>Parses without an error description.</summary>
    /// <param name="text">The text.</param>
    /// <param name="pain">The rating on success.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string? text, out NrsPain pain) => Parse(text).TryGetValue(out pain);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
