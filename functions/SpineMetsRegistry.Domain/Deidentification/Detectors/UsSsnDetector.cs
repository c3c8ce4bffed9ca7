using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification.Checksums;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// US Social Security numbers written AAA-GG-SSSS or AAA GG SSSS that satisfy the issuing rules
/// (<see cref="UsSsn"/>). Nine bare digits are left to the BSN and long-number rules: without
/// separators or a keyword nothing marks them as an SSN.
/// </summary>
internal sealed partial class UsSsnDetector : IValueDetector
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

        foreach (var match in Pattern().EnumerateMatches(text))
        {
            var candidate = text.Slice(match.Index, match.Length);
            if (UsSsn.IsPlausible(candidate[..3], candidate.Slice(4, 2), candidate[7..]))
            {
                hits.Add(match.Index, match.Length, IdentifierCategory.UsSocialSecurityNumber, HitEvidence.Checksum);
            }
        }
    }

    [GeneratedRegex(
        @"(?<![\w.,/-])\d{3}(?:-\d{2}-| \d{2} )\d{4}(?![\w/]|[.,-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
