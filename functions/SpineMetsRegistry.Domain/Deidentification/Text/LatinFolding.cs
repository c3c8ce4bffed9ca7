namespace SpineMetsRegistry.Domain.Deidentification.Text;

/// <summary>
/// Folds Latin letters to lower-case ASCII without diacritics ("Straße" to "strasse",
/// "Hürthle" to "hurthle", "Prénom" to "prenom") so lexicon lookups ignore case and accents.
/// A hand-made table rather than Unicode normalisation: the build runs with invariant
/// globalization, and the table covers Latin-1 and Latin Extended-A, which is every letter the
/// registry's languages use. Other characters pass through lower-cased.
/// </summary>
internal static class LatinFolding
{
    // Index = code point - 0xC0, for U+00C0..U+017F. Empty string = "fold to itself, lower-cased".
    private static readonly string[] Table = BuildTable();

    /// <summary>Writes the folded form of <paramref name="c"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of characters written (0 when the destination is too small).</returns>
    public static int Fold(char c, Span<char> destination)
    {
        if (c < 0x80)
        {
            if (destination.IsEmpty)
            {
                return 0;
            }

            destination[0] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return 1;
        }

        if (c is >= '\u00C0' and <= '\u017F')
        {
            var folded = Table[c - 0xC0];
            if (folded.Length > 0)
            {
                if (folded.Length > destination.Length)
                {
                    return 0;
                }

                folded.AsSpan().CopyTo(destination);
                return folded.Length;
            }
        }

        if (destination.IsEmpty)
        {
            return 0;
        }

        destination[0] = char.ToLowerInvariant(c);
        return 1;
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="destination"/>, keeping only letters and
    /// digits when <paramref name="lettersAndDigitsOnly"/> is set.
    /// </summary>
    /// <returns>The number of characters written, or -1 when the destination is too small.</returns>
    public static int FoldInto(ReadOnlySpan<char> text, Span<char> destination, bool lettersAndDigitsOnly)
    {
        var written = 0;
        foreach (var c in text)
        {
            if (lettersAndDigitsOnly && !char.IsLetterOrDigit(c))
            {
                continue;
            }

            var n = Fold(c, destination[written..]);
            if (n == 0)
            {
                return -1;
            }

            written += n;
        }

        return written;
    }

    /// <summary>Folds a whole string (used when building lexicons, not on the hot path).</summary>
    public static string Fold(string text)
    {
        Span<char> buffer = stackalloc char[(text.Length * 2) + 1];
        var n = FoldInto(text, buffer, lettersAndDigitsOnly: false);
        return new string(buffer[..n]);
    }

    private static string[] BuildTable()
    {
        var table = new string[0x180 - 0xC0];
        Array.Fill(table, string.Empty);

        void Map(string letters, string folded)
        {
            foreach (var c in letters)
            {
                table[c - 0xC0] = folded;
            }
        }

        // Latin-1 Supplement.
        Map("ÀÁÂÃÄÅàáâãäå", "a");
        Map("Ææ", "ae");
        Map("Çç", "c");
        Map("ÈÉÊËèéêë", "e");
        Map("ÌÍÎÏìíîï", "i");
        Map("Ðð", "d");
        Map("Ññ", "n");
        Map("ÒÓÔÕÖØòóôõöø", "o");
        Map("ÙÚÛÜùúûü", "u");
        Map("Ýýÿ", "y");
        Map("Þþ", "th");
        Map("ß", "ss");

        // Latin Extended-A (U+0100..U+017F), in code-point order.
        Map("ĀāĂăĄą", "a");
        Map("ĆćĈĉĊċČč", "c");
        Map("ĎďĐđ", "d");
        Map("ĒēĔĕĖėĘęĚě", "e");
        Map("ĜĝĞğĠġĢģ", "g");
        Map("ĤĥĦħ", "h");
        Map("ĨĩĪīĬĭĮįİı", "i");
        Map("Ĳĳ", "ij");
        Map("Ĵĵ", "j");
        Map("Ķķĸ", "k");
        Map("ĹĺĻļĽľĿŀŁł", "l");
        Map("ŃńŅņŇňŉŊŋ", "n");
        Map("ŌōŎŏŐő", "o");
        Map("Œœ", "oe");
        Map("ŔŕŖŗŘř", "r");
        Map("ŚśŜŝŞşŠšſ", "s");
        Map("ŢţŤťŦŧ", "t");
        Map("ŨũŪūŬŭŮůŰűŲų", "u");
        Map("Ŵŵ", "w");
        Map("ŶŷŸ", "y");
        Map("ŹźŻżŽž", "z");
        return table;
    }
}
