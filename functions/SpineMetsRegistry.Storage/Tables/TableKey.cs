using System.Globalization;
using System.Text;

namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// Builds PartitionKey and RowKey values from parts. Each part is escaped so that no part can
/// contain a character Azure forbids in keys (<c>/ \ # ?</c> and control characters) nor the
/// separator <c>|</c>: a composite key therefore has exactly one reading, and the range
/// <c>prefix|</c> .. <c>prefix}</c> (<c>}</c> sorts right after <c>|</c>) holds exactly the
/// keys that start with that prefix. Escaping is <c>%XX</c>, with <c>%</c> itself escaped.
/// Entities also carry their parts as plain properties, so keys are never parsed back.
/// </summary>
internal static class TableKey
{
    /// <summary>The separator between the parts of a composite key.</summary>
    public const char Separator = '|';

    /// <summary>The character right after <see cref="Separator"/>: the exclusive end of a prefix range.</summary>
    public const char AfterSeparator = '}';

    /// <summary>Azure's limit for a PartitionKey or RowKey (1 KiB), applied to the key's length.</summary>
    public const int MaxLength = 1024;

    /// <summary>A key of one or more parts, escaped, joined by the separator, and checked.</summary>
    public static string Of(params ReadOnlySpan<string> parts)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("A key needs at least one part.", nameof(parts));
        }

        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator);
            }

            AppendEscaped(builder, parts[i]);
        }

        return Checked(builder.ToString());
    }

    /// <summary>
    /// The RowKey range of every key that starts with the given parts followed by the
    /// separator: <c>From</c> inclusive, <c>To</c> exclusive.
    /// </summary>
    public static (string From, string To) PrefixRange(params ReadOnlySpan<string> parts)
    {
        var prefix = Of(parts);
        return (prefix + Separator, prefix + AfterSeparator);
    }

    /// <summary>
    /// Whether the service orders <paramref name="key"/> among others as .NET's ordinal
    /// comparison does, so that a RowKey range computed here holds what the service returns for
    /// it. The service orders keys by their UTF-8 bytes, ordinal comparison by UTF-16 code units:
    /// the two agree except for surrogate pairs.
    /// </summary>
    public static bool SortsAsOrdinal(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var character in key)
        {
            if (char.IsSurrogate(character))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendEscaped(StringBuilder builder, string part)
    {
        if (string.IsNullOrEmpty(part))
        {
            throw new ArgumentException("A key part cannot be null or empty.", nameof(part));
        }

        foreach (var character in part)
        {
            if (NeedsEscaping(character))
            {
                builder.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }
    }

    // Control characters are U+0000-U+001F and U+007F-U+009F, so two hex digits always suffice.
    private static bool NeedsEscaping(char character) =>
        character is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(character);

    private static string Checked(string key)
    {
        if (key.Length > MaxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A table key may be at most {MaxLength} characters; this one has {key.Length} (starts '{key[..40]}')."));
        }

        return key;
    }
}
