using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification.Text;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// The catch-all for Safe Harbor's "any other unique identifying number": a standalone run of
/// eight or more digits, or three or more digit groups of at least three digits each (one kind of separator)
/// totalling nine or more digits ("123 456 789", "4010-2321-377"), that no more specific detector
/// claimed. Clinical values (lab results, doses, counts) never need eight bare digits.
/// An eight-digit run that is a compact calendar date (19510312, 12031951) is reported as a full
/// date, <see cref="IdentifierCategory.DateOfBirth"/>, except in a date field, where the date
/// policy governs it. Digits glued to letters ("NCT01234567", a trial registration) are not
/// standalone and pass.
/// </summary>
internal sealed partial class LongNumberDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits < 8)
        {
            return;
        }

        if (profile.LongestDigitRun >= 8)
        {
            foreach (var m in Run().EnumerateMatches(text))
            {
                var digits = text.Slice(m.Index, m.Length);
                if (DateShapes.IsCompactDate(digits))
                {
                    if (kind != FieldContentKind.Date)
                    {
                        hits.Add(m.Index, m.Length, IdentifierCategory.DateOfBirth, HitEvidence.LongNumber);
                    }

                    continue;
                }

                hits.Add(m.Index, m.Length, IdentifierCategory.IdentifyingNumber, HitEvidence.LongNumber);
            }
        }

        if (profile.Digits >= 9)
        {
            foreach (var m in Grouped().EnumerateMatches(text))
            {
                var candidate = text.Slice(m.Index, m.Length);
                if (Digits.Count(candidate) >= 9)
                {
                    hits.Add(m.Index, m.Length, IdentifierCategory.IdentifyingNumber, HitEvidence.LongNumber);
                }
            }
        }
    }

    [GeneratedRegex(
        @"(?<![\w.,])\d{8,}(?![\w]|[.,]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Run();

    [GeneratedRegex(
        @"(?<![\w.,/-])\d{3,}(?:([ .-])\d{3,})(?:\1\d{3,}){1,4}(?![\w]|[.,/-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Grouped();
}
