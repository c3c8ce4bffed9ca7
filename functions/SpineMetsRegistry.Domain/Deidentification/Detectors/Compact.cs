namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>Strips separators from a candidate number into a caller-provided buffer.</summary>
internal static class Compact
{
    /// <summary>
    /// Copies the ASCII letters and digits of <paramref name="text"/> (letters upper-cased) into
    /// <paramref name="buffer"/>.
    /// </summary>
    /// <returns>The compacted slice of <paramref name="buffer"/>, or empty when it does not fit.</returns>
    public static ReadOnlySpan<char> LettersAndDigits(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return [];
            }

            buffer[n++] = char.ToUpperInvariant(c);
        }

        return buffer[..n];
    }
}
