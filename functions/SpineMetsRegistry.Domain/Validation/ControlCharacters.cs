using System.Buffers;
using System.Globalization;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// The invisible characters no registry value or column name may hold: C0 controls other than
/// tab, carriage return and line feed (line breaks may sit in a quoted CSV field), DEL, the C1
/// controls, zero-width characters (U+200B-U+200F, U+2060), the bidirectional embeddings,
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069: "Trojan Source") and a byte order
/// mark inside the text (U+FEFF).
/// </summary>
internal static class ControlCharacters
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u200B\u200C\u200D\u200E\u200F\u2060\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF");

    /// <summary>The first forbidden character of <paramref name="text"/>, or null.</summary>
    public static char? FirstIn(ReadOnlySpan<char> text)
    {
        // Printable ASCII (space to tilde) holds none of them: nearly every cell is only that,
        // which one vectorised range test confirms faster than the search over the whole set.
        if (!text.ContainsAnyExceptInRange(' ', '~'))
        {
            return null;
        }

        var index = text.IndexOfAny(Forbidden);
        return index < 0 ? null : text[index];
    }

    /// <summary>"U+001B": how a report names the character (never the text around it).</summary>
    public static string Describe(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
