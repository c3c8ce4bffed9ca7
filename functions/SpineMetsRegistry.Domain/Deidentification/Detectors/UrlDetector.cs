using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Web addresses: anything starting with a scheme (<c>http://</c>, <c>https://</c>,
/// <c>ftp://</c>) or with <c>www.</c> followed by a dotted host. Bare domain names without
/// <c>www.</c> ("example.org") are not flagged: too many abbreviations contain dots.
/// </summary>
internal sealed partial class UrlDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (!profile.HasDot && !profile.HasColon)
        {
            return;
        }

        foreach (var match in Pattern().EnumerateMatches(text))
        {
            var length = match.Length;
            while (length > 0 && text[match.Index + length - 1] is '.' or ',' or ')' or ';' or ':' or '!' or '?')
            {
                length--;
            }

            hits.Add(match.Index, length, IdentifierCategory.Url, HitEvidence.Structure);
        }
    }

    // No nested quantifiers: a scheme or "www." then a run of non-space URL characters.
    [GeneratedRegex(
        @"\b(?:(?:https?|ftp)://|www\.)[A-Za-z0-9][^\s<>""']*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
