using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Prognosis;

/// <summary>
/// Serum albumin in g/L, the registry's unit. 1 g/dL = 10 g/L, so the NESMS threshold of
/// 3.5 g/dL is 35 g/L. A value below 10 g/L is refused as a probable g/dL entry: no living
/// patient has such a level, and accepting it would silently lose the NESMS albumin point.
/// </summary>
public readonly record struct SerumAlbumin
{
    /// <summary>Lowest plausible value in g/L; anything lower is almost surely g/dL.</summary>
    public const decimal MinimumGramsPerLitre = 10m;

    /// <summary>Highest accepted value in g/L.</summary>
    public const decimal MaximumGramsPerLitre = 100m;

    /// <summary>Grams per litre in one gram per decilitre.</summary>
    public const decimal GramsPerLitrePerGramPerDecilitre = 10m;

    private SerumAlbumin(decimal gramsPerLitre) => GramsPerLitre = gramsPerLitre;

    /// <summary>The concentration in g/L.</summary>
    public decimal GramsPerLitre { get; }

    /// <summary>The concentration in g/dL (g/L divided by 10).</summary>
    public decimal GramsPerDecilitre => GramsPerLitre / GramsPerLitrePerGramPerDecilitre;

    /// <summary>Creates a value from g/L.</summary>
    /// <param name="gramsPerLitre">Albumin in g/L.</param>
    public static ParseResult<SerumAlbumin> FromGramsPerLitre(decimal gramsPerLitre)
    {
        if (gramsPerLitre < MinimumGramsPerLitre)
        {
            return ParseResult.Failure<SerumAlbumin>(
                ParseError.OutOfRangeCode,
                string.Create(CultureInfo.InvariantCulture, $"Serum albumin {gramsPerLitre} g/L is implausible; the registry unit is g/L (a g/dL value must be multiplied by 10)."));
        }

        return gramsPerLitre > MaximumGramsPerLitre
            ? ParseResult.Failure<SerumAlbumin>(ParseError.OutOfRangeCode, string.Create(CultureInfo.InvariantCulture, $"Serum albumin {gramsPerLitre} g/L is above {MaximumGramsPerLitre} g/L."))
            : ParseResult.Success(new SerumAlbumin(gramsPerLitre));
    }

    /// <summary>Creates a value from g/dL (converted: x 10).</summary>
    /// <param name="gramsPerDecilitre">Albumin in g/dL.</param>
    public static ParseResult<SerumAlbumin> FromGramsPerDecilitre(decimal gramsPerDecilitre) =>
        FromGramsPerLitre(gramsPerDecilitre * GramsPerLitrePerGramPerDecilitre);

    /// <summary>Parses a g/L value written with a '.' decimal separator.</summary>
    /// <param name="text">The text.</param>
    public static ParseResult<SerumAlbumin> Parse(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? FromGramsPerLitre(value)
            : ParseResult.Failure<SerumAlbumin>(ParseError.MalformedCode, $"Serum albumin: '{text}' is not a number of g/L.");

    /// <summary>Parses without an error description.</summary>
    /// <param name="text">The text.</param>
    /// <param name="albumin">The value on success.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string? text, out SerumAlbumin albumin) => Parse(text).TryGetValue(out albumin);

    /// <inheritdoc />
    public override string ToString() => GramsPerLitre.ToString(CultureInfo.InvariantCulture);
}
