using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Telephone and fax numbers without a keyword, recognised by shape. A candidate is a run of
/// digits and separators (space, '-', '.', '/', parentheses) with 8 to 15 digits; it is a phone
/// number when it
/// <list type="bullet">
/// <item>starts with an international prefix, '+' or "00" ("+31 6 1234 5678", "+44 20 7946 0958");</item>
/// <item>or starts with a national trunk '0' and has 9 to 11 digits ("020-1234567", "06-12345678",
/// "0612345678", "06 12 34 56 78", "(020) 794 6095");</item>
/// <item>or is a North American number: "(555) 123-4567", "555-123-4567", "555.123.4567";</item>
/// <item>or is a Spanish number: nine digits starting 6, 7, 8 or 9, grouped 3-3-3 or 3-2-2-2.</item>
/// </list>
/// Full dates, decimal numbers ("12.5 13.5"), ranges ("1200-1500", "3.5-4.0"), vertebral ranges
/// ("T11-L1": letters end a candidate), times and counts do not have these shapes. When a
/// candidate runs on into a following number, trailing groups are dropped until it fits.
/// </summary>
internal sealed partial class PhoneDetector : IValueDetector
{
    private const int MaxGroups = 8;

    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits < 8)
        {
            return;
        }

        Span<Range> groups = stackalloc Range[MaxGroups];
        foreach (var match in Candidate().EnumerateMatches(text))
        {
            var candidate = text.Slice(match.Index, match.Length);
            var groupCount = DigitGroups(candidate, groups);
            for (var take = groupCount; take >= 1; take--)
            {
                var end = groups[take - 1].End.Value;
                if (!IsPhone(candidate[..end], groups[..take]))
                {
                    continue;
                }

                hits.Add(match.Index, end, IdentifierCategory.Phone, HitEvidence.Shape);
                break;
            }
        }
    }

    private static int DigitGroups(ReadOnlySpan<char> candidate, Span<Range> groups)
    {
        var count = 0;
        var i = 0;
        while (i < candidate.Length && count < groups.Length)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < candidate.Length && char.IsAsciiDigit(candidate[i]))
            {
                i++;
            }

            groups[count++] = new Range(start, i);
        }

        return count;
    }

    private static bool IsPhone(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> groups)
    {
        var digits = 0;
        foreach (var g in groups)
        {
            digits += g.End.Value - g.Start.Value;
        }

        if (digits is < 8 or > 15 || DateShapes.IsNumericDate(candidate, allowTwoDigitYear: true) || IsDecimalList(candidate))
        {
            return false;
        }

        var first = candidate[groups[0]];
        if (candidate[0] == '+' || first.StartsWith("00"))
        {
            return true; // international prefix; 8-15 digits checked above (E.164 allows 15)
        }

        if (first[0] == '0' && digits is >= 9 and <= 11)
        {
            return true;
        }

        return IsNorthAmerican(candidate, groups) || IsSpanish(candidate, groups);
    }

    // "12.5 13.5 14.5", "1.5-2.5": a '.' or ',' together with another separator means decimals.
    private static bool IsDecimalList(ReadOnlySpan<char> candidate)
    {
        var hasDecimalMark = candidate.IndexOfAny('.', ',') >= 0;
        var hasOther = candidate.IndexOfAny(' ', '-', '/') >= 0 || candidate.Contains('(');
        return hasDecimalMark && hasOther && candidate[0] != '+';
    }

    private static bool IsNorthAmerican(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> groups)
    {
        if (groups.Length != 3 || Len(groups[0]) != 3 || Len(groups[1]) != 3 || Len(groups[2]) != 4)
        {
            return false;
        }

        var sep1 = candidate[groups[0].End.Value..groups[1].Start.Value];
        var sep2 = candidate[groups[1].End.Value..groups[2].Start.Value];
        var parenthesised = candidate[0] == '(' && sep1 is ") " or ")" or ")-";
        return parenthesised || (sep1.Length == 1 && sep1.SequenceEqual(sep2) && sep1[0] is '-' or '.' or ' ');
    }

    private static bool IsSpanish(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> groups)
    {
        if (candidate[groups[0]][0] is not ('6' or '7' or '8' or '9'))
        {
            return false;
        }

        return groups.Length switch
        {
            3 => Len(groups[0]) == 3 && Len(groups[1]) == 3 && Len(groups[2]) == 3 && SameSeparators(candidate, groups),
            4 => Len(groups[0]) == 3 && Len(groups[1]) == 2 && Len(groups[2]) == 2 && Len(groups[3]) == 2 && SameSeparators(candidate, groups),
            _ => false,
        };
    }

    private static bool SameSeparators(ReadOnlySpan<char> candidate, ReadOnlySpan<Range> groups)
    {
        var first = candidate[groups[0].End.Value..groups[1].Start.Value];
        for (var k = 1; k < groups.Length - 1; k++)
        {
            if (!candidate[groups[k].End.Value..groups[k + 1].Start.Value].SequenceEqual(first))
            {
                return false;
            }
        }

        return first is " " or "-" or ".";
    }

    private static int Len(Range r) => r.End.Value - r.Start.Value;

    [GeneratedRegex(
        @"(?<![\w.,/+-])(?:\+|\()?\d[\d ./()-]{6,22}\d(?![\w]|[.,/-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Candidate();
}
