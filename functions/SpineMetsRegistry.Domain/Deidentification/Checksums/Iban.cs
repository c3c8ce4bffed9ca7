using System.Collections.Frozen;

namespace SpineMetsRegistry.Domain.Deidentification.Checksums;

/// <summary>
/// IBAN validation (ISO 13616): two-letter country code, two check digits, then the BBAN; moving
/// the first four characters to the end and reading letters as 10..35 gives a number that is 1
/// modulo 97. Known countries must also have their registered length.
/// </summary>
internal static class Iban
{
    /// <summary>Registered IBAN lengths of the countries whose sites or patients are most likely.</summary>
    private static readonly FrozenDictionary<string, int> LengthByCountry = new Dictionary<string, int>
    {
        ["NL"] = 18, ["BE"] = 16, ["DE"] = 22, ["AT"] = 20, ["CH"] = 21, ["FR"] = 27, ["ES"] = 24,
        ["PT"] = 25, ["IT"] = 27, ["GB"] = 22, ["IE"] = 22, ["LU"] = 20, ["DK"] = 18, ["SE"] = 24,
        ["NO"] = 15, ["FI"] = 18, ["PL"] = 28, ["CZ"] = 24, ["GR"] = 27, ["TR"] = 26,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Shortest and longest IBAN in use.</summary>
    public const int MinLength = 15;

    /// <inheritdoc cref="MinLength"/>
    public const int MaxLength = 34;

    /// <summary>
    /// Whether <paramref name="compact"/> (upper-case letters and digits, no spaces) is a valid IBAN.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> compact)
    {
        if (compact.Length is < MinLength or > MaxLength
            || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        var lookup = LengthByCountry.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(compact[..2], out var expected) && expected != compact.Length)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[(i + 4) % compact.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
