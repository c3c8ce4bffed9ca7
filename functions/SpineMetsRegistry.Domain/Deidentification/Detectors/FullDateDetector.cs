using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Full day-month-year dates outside the registry's date fields: "12/03/1951", "1951-03-12",
/// "12.03.1951", "12 March 1951", "12. März 1951", "12 de marzo de 1951", "March 12, 1951",
/// "12-Mar-1951". In free text a date of birth cannot be told apart from any other full date,
/// so every full date there is reported as <see cref="IdentifierCategory.DateOfBirth"/>; dates
/// in date fields follow the registry's date policy and are not scanned by this detector.
/// Month-year ("03/2024", "March 2024") and year-only values are not full dates and pass.
/// Two-digit years ("12/03/51") count only after a birth keyword (see <see cref="KeywordNumberDetector"/>).
/// </summary>
internal sealed partial class FullDateDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => kind != FieldContentKind.Date;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits < 5)
        {
            return;
        }

        foreach (var match in Numeric().EnumerateMatches(text))
        {
            if (DateShapes.IsNumericDate(text.Slice(match.Index, match.Length), allowTwoDigitYear: false))
            {
                hits.Add(match.Index, match.Length, IdentifierCategory.DateOfBirth, HitEvidence.Shape);
            }
        }

        if (profile.Letters < 3)
        {
            return;
        }

        foreach (var match in DayMonthYear().EnumerateMatches(text))
        {
            if (HasMonthWordAndValidDay(text.Slice(match.Index, match.Length)))
            {
                hits.Add(match.Index, match.Length, IdentifierCategory.DateOfBirth, HitEvidence.Shape);
            }
        }

        foreach (var match in MonthDayYear().EnumerateMatches(text))
        {
            if (HasMonthWordAndValidDay(text.Slice(match.Index, match.Length)))
            {
                hits.Add(match.Index, match.Length, IdentifierCategory.DateOfBirth, HitEvidence.Shape);
            }
        }
    }

    // The candidate has exactly one word that is a month name, a day 1-31 and a four-digit year.
    private static bool HasMonthWordAndValidDay(ReadOnlySpan<char> candidate)
    {
        var hasMonth = false;
        var day = -1;
        var year = -1;
        var i = 0;
        while (i < candidate.Length)
        {
            var start = i;
            if (char.IsLetter(candidate[i]))
            {
                while (i < candidate.Length && char.IsLetter(candidate[i]))
                {
                    i++;
                }

                var word = candidate[start..i];
                hasMonth |= DateShapes.IsMonthName(word);
            }
            else if (char.IsAsciiDigit(candidate[i]))
            {
                var value = 0;
                while (i < candidate.Length && char.IsAsciiDigit(candidate[i]))
                {
                    value = (value * 10) + (candidate[i] - '0');
                    i++;
                }

                if (i - start == 4)
                {
                    year = value;
                }
                else if (day < 0)
                {
                    day = value;
                }
            }
            else
            {
                i++;
            }
        }

        return hasMonth && day is >= 1 and <= 31 && year is >= DateShapes.MinYear and <= DateShapes.MaxYear;
    }

    [GeneratedRegex(
        @"(?<![\w.,/-])(?:\d{1,2}([./-])\d{1,2}\1\d{4}|\d{4}([./-])\d{1,2}\2\d{1,2})(?![\w]|[.,/-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Numeric();

    // 12 March 1951, 12. März 1951, 1st of May 1951, 12 de marzo de 1951, 12-Mar-1951.
    [GeneratedRegex(
        @"(?<![\w.,/-])\d{1,2}(?:st|nd|rd|th|e|er|ste|de)?\.?(?:\s{1,2}|-)(?:(?:of|de)\s)?\p{L}{3,10}\.?,?(?:\s{1,2}|-)(?:de\s)?\d{4}(?!\w)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex DayMonthYear();

    // March 12, 1951 and March 12th 1951.
    [GeneratedRegex(
        @"\b\p{L}{3,10}\.?\s{1,2}\d{1,2}(?:st|nd|rd|th)?,?\s{1,2}\d{4}(?!\w)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex MonthDayYear();
}
