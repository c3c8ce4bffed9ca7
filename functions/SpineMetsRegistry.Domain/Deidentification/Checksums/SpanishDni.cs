namespace SpineMetsRegistry.Domain.Deidentification.Checksums;

/// <summary>
/// Spanish DNI and NIE control letter (Ministerio del Interior): the number (for an NIE the
/// prefix X, Y, Z read as 0, 1, 2) modulo 23 indexes "TRWAGMYFPDXBNJZSQVHLCKE".
/// </summary>
internal static class SpanishDni
{
    private const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>Whether eight digits and a letter form a valid DNI.</summary>
    public static bool IsValidDni(ReadOnlySpan<char> digits, char letter) =>
        digits.Length == 8 && IsValid(0, digits, letter);

    /// <summary>Whether an X/Y/Z prefix, seven digits and a letter form a valid NIE.</summary>
    public static bool IsValidNie(char prefix, ReadOnlySpan<char> digits, char letter)
    {
        var lead = char.ToUpperInvariant(prefix) switch
        {
            'X' => 0,
            'Y' => 1,
            'Z' => 2,
            _ => -1,
        };
        return lead >= 0 && digits.Length == 7 && IsValid(lead, digits, letter);
    }

    private static bool IsValid(int lead, ReadOnlySpan<char> digits, char letter)
    {
        long value = lead;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return Letters[(int)(value % 23)] == char.ToUpperInvariant(letter);
    }
}
