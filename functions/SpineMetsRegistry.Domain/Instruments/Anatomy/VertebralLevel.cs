using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Anatomy;

/// <summary>
/// A vertebral level as coded in the registry: <c>C0</c> (occiput), <c>C1</c>..<c>C7</c>,
/// <c>T1</c>..<c>T12</c>, <c>L1</c>..<c>L5</c>, <c>S1</c>..<c>S5</c>. Parsing is
/// case-insensitive; <see cref="Code"/> is the canonical upper-case form. Anatomical variants
/// (T13, L6) are not codes of the registry.
/// </summary>
public readonly record struct VertebralLevel
{
    private static readonly (SpinalRegion Region, char Letter, int First, int Last)[] Regions =
    [
        (SpinalRegion.Cervical, 'C', 0, 7),
        (SpinalRegion.Thoracic, 'T', 1, 12),
        (SpinalRegion.Lumbar, 'L', 1, 5),
        (SpinalRegion.Sacral, 'S', 1, 5),
    ];

    private VertebralLevel(SpinalRegion region, int number)
    {
        Region = region;
        Number = number;
    }

    /// <summary>Every registry level, from the occiput down (30 levels).</summary>
    public static IReadOnlyList<VertebralLevel> All { get; } =
        Regions.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1).Select(n => new VertebralLevel(r.Region, n))).ToArray();

    // Each level's canonical code, and each level by its code in either case: built once, so
    // scoring an enrollment (which reads its index level and renders its code several times)
    // neither parses nor formats a code. Declared after All, which they are built from.
    private static readonly System.Collections.Frozen.FrozenDictionary<VertebralLevel, string> CodeOf =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All, level => level, level => level.FormatCode());

    private static readonly System.Collections.Frozen.FrozenDictionary<string, VertebralLevel> ByCode =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
            All.SelectMany(level => new[] { (Code: level.FormatCode(), Level: level), (Code: level.FormatCode().ToLowerInvariant(), Level: level) }),
            entry => entry.Code,
            entry => entry.Level,
            StringComparer.Ordinal);

    /// <summary>The region (letter of the code).</summary>
    public SpinalRegion Region { get; }

    /// <summary>The number within the region (0 only for the occiput, <c>C0</c>).</summary>
    public int Number { get; }

    /// <summary>The canonical code, e.g. <c>T12</c>.</summary>
    public string Code => CodeOf.TryGetValue(this, out var code) ? code : FormatCode();

    /// <summary>Creates a level from its region and number.</summary>
    /// <param name="region">The region.</param>
    /// <param name="number">The number within the region.</param>
    /// <returns>The level, or an out-of-range error.</returns>
    public static ParseResult<VertebralLevel> Create(SpinalRegion region, int number)
    {
        var (_, letter, first, last) = Regions.Single(r => r.Region == region);
        return number >= first && number <= last
            ? ParseResult.Success(new VertebralLevel(region, number))
            : ParseResult.Failure<VertebralLevel>(
                ParseError.OutOfRangeCode,
                string.Create(CultureInfo.InvariantCulture, $"vertebral level: {letter}{number} does not exist; {region} levels are {letter}{first}-{letter}{last}."));
    }

    /// <summary>Parses a level code such as <c>T12</c> or <c>c0</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The level, or an error explaining the accepted codes.</returns>
    public static ParseResult<VertebralLevel> Parse(string? code)
    {
        const string Accepted = "expected C0 (occiput), C1-C7, T1-T12, L1-L5 or S1-S5";
        if (string.IsNullOrEmpty(code))
        {
            return ParseResult.Failure<VertebralLevel>(ParseError.MissingCode, $"vertebral level: no code given; {Accepted}.");
        }

        var letter = char.ToUpperInvariant(code[0]);
        var region = Regions.Where(r => r.Letter == letter).Select(r => (SpinalRegion?)r.Region).SingleOrDefault();
        var digits = code.AsSpan(1);
        // Leading zeros ("T01") are rejected so that each level has exactly one spelling.
        if (region is null || digits.Length is 0 or > 2 || !digits.ContainsOnlyDigits() || (digits.Length == 2 && digits[0] == '0') ||
            !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return ParseResult.Failure<VertebralLevel>(ParseError.MalformedCode, $"vertebral level: '{code}' is not a level code; {Accepted}.");
        }

        return Create(region.Value, number);
    }

    /// <summary>Parses a level code without an error description.</summary>
    /// <param name="code">The code.</param>
    /// <param name="level">The level on success.</param>
    /// <returns>True when the code is a registry level.</returns>
    /// <remarks>A registry level's code, upper or lower case, is found without parsing; any other text is parsed (the same result).</remarks>
    public static bool TryParse(string? code, out VertebralLevel level) =>
        (code is not null && ByCode.TryGetValue(code, out level)) || Parse(code).TryGetValue(out level);

    /// <inheritdoc />
    public override string ToString() => Code;

    private string FormatCode() => string.Create(CultureInfo.InvariantCulture, $"{LetterOf(Region)}{Number}");

    private static char LetterOf(SpinalRegion region) => Regions.Single(r => r.Region == region).Letter;
}

/// <summary>Span helpers kept local to level parsing.</summary>
internal static class DigitSpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
