using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification.Checksums;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// UK NHS numbers: ten digits, bare or grouped 3-3-4 with spaces or hyphens, with a valid mod-11
/// check digit (<see cref="NhsNumber"/>). A North American phone number written 3-3-4 passes the
/// check about one time in eleven and is then reported as an NHS number: still an identifier.
/// </summary>
internal sealed partial class UkNhsNumberDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits < 10)
        {
            return;
        }

        Span<char> buffer = stackalloc char[16];
        foreach (var match in Pattern().EnumerateMatches(text))
        {
            var digits = Compact.LettersAndDigits(text.Slice(match.Index, match.Length), buffer);
            if (NhsNumber.IsValid(digits))
            {
                hits.Add(match.Index, match.Length, IdentifierCategory.UkNhsNumber, HitEvidence.Checksum);
            }
        }
    }

    [GeneratedRegex(
        @"(?<![\w.,/+-])(?:\d{10}|\d{3} \d{3} \d{4}|\d{3}-\d{3}-\d{4})(?![\w/]|[.,-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
