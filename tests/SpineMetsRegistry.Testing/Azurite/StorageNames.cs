using System.Globalization;
using System.Text;

namespace SpineMetsRegistry.Testing.Azurite;

/// <summary>
/// Unique, valid storage resource names for tests sharing one Azurite. Each name is the
/// caller's hint (sanitised, so it stays readable in Azurite's output) plus a process-wide
/// sequence number and a random part, so names never repeat within a run or across runs.
/// </summary>
public static class StorageNames
{
    // The longest suffix is "-" + 19 digits of a long + "-" + 8 hex digits = 29 characters,
    // so a hint of at most 34 keeps every name within Azure's limit of 63.
    private const int MaxHintLength = 34;

    private static long _sequence;

    /// <summary>
    /// A table name: letters and digits only, starting with a letter, 3 to 63 characters.
    /// </summary>
    public static string Table(string hint = "table")
    {
        ArgumentNullException.ThrowIfNull(hint);
        var letters = new string([.. hint.Where(char.IsAsciiLetterOrDigit)]);
        if (letters.Length == 0 || !char.IsAsciiLetter(letters[0]))
        {
            letters = "t" + letters;
        }

        return Truncate(letters) + Suffix(separator: string.Empty);
    }

    /// <summary>
    /// A blob container name: lowercase letters, digits and single dashes, starting and
    /// ending with a letter or digit, 3 to 63 characters.
    /// </summary>
    public static string Container(string hint = "container") => DashedName(hint, fallback: "c");

    /// <summary>A queue name: the same rules as a container name.</summary>
    public static string Queue(string hint = "queue") => DashedName(hint, fallback: "q");

    private static string DashedName(string hint, string fallback)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var builder = new StringBuilder();
        foreach (var character in hint.ToLowerInvariant())
        {
            var kept = char.IsAsciiLetterOrDigit(character) ? character : '-';
            if (kept != '-' || (builder.Length > 0 && builder[^1] != '-'))
            {
                builder.Append(kept);
            }
        }

        var stem = Truncate(builder.ToString()).Trim('-');
        return (stem.Length == 0 ? fallback : stem) + Suffix(separator: "-");
    }

    private static string Truncate(string stem) => stem.Length > MaxHintLength ? stem[..MaxHintLength] : stem;

    private static string Suffix(string separator)
    {
        var sequence = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var random = Guid.NewGuid().ToString("N")[..8];
        return separator + sequence + separator + random;
    }
}
