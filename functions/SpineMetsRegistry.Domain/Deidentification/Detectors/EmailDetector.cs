namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// E-mail addresses: a local part, '@' (also the full-width '＠' and the obfuscations "(at)" and
/// "[at]"), and a domain with at least one dot and a top-level label of two or more letters.
/// A hand-written linear scan around each '@' rather than a regular expression: e-mail patterns
/// are the classic source of catastrophic backtracking.
/// </summary>
internal sealed class EmailDetector : IValueDetector
{
    private static readonly string[] ObfuscatedAt = ["(at)", "[at]"];

    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Letters == 0)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var atLength = AtSignLength(text, i, profile.HasAt);
            if (atLength == 0)
            {
                continue;
            }

            var start = i;
            while (start > 0 && IsLocalPartChar(text[start - 1]))
            {
                start--;
            }

            var end = i + atLength;
            while (end < text.Length && IsDomainChar(text[end]))
            {
                end++;
            }

            while (end > i + atLength && text[end - 1] is '.' or '-')
            {
                end--;
            }

            if (start < i && IsDomain(text[(i + atLength)..end]))
            {
                hits.Add(start, end - start, IdentifierCategory.Email, HitEvidence.Structure);
                i = end - 1;
            }
        }
    }

    private static int AtSignLength(ReadOnlySpan<char> text, int i, bool hasAtSign)
    {
        if (hasAtSign && text[i] is '@' or '\uFF20')
        {
            return 1;
        }

        if (text[i] is '(' or '[')
        {
            foreach (var form in ObfuscatedAt)
            {
                if (text[i..].StartsWith(form, StringComparison.OrdinalIgnoreCase))
                {
                    return form.Length;
                }
            }
        }

        return 0;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain[0] == '.')
        {
            return false;
        }

        var topLevel = domain[(lastDot + 1)..];
        if (topLevel.Length < 2)
        {
            return false;
        }

        foreach (var c in topLevel)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLocalPartChar(char c) =>
        char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    private static bool IsDomainChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '-';
}
