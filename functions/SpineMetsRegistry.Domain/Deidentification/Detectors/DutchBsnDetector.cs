using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification.Checksums;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Dutch BSNs: nine digits, bare or grouped 3-3-3 (space, dot or hyphen) or 4-2-3 with dots,
/// passing the elfproef (<see cref="DutchBsn"/>). Eight-digit BSNs are recognised only after a
/// keyword (see <see cref="KeywordNumberDetector"/>).
/// </summary>
internal sealed partial class DutchBsnDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits < 9)
        {
            return;
        }

        Span<char> buffer = stackalloc char[16];
        foreach (var match in Pattern().EnumerateMatches(text))
        {
            var digits = Compact.LettersAndDigits(text.Slice(match.Index, match.Length), buffer);
            if (DutchBsn.IsValid(digits) && digits.Length == 9)
            {
                hits.Add(match.Index, match.Length, IdentifierCategory.NlBsn, HitEvidence.Checksum);
            }
        }
    }

    [GeneratedRegex(
        @"(?<![\w.,/-])(?:\d{9}|\d{3} \d{3} \d{3}|\d{3}\.\d{3}\.\d{3}|\d{3}-\d{3}-\d{3}|\d{4}\.\d{2}\.\d{3})(?![\w/]|[.,-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
