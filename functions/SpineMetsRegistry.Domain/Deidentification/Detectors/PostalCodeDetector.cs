using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Full postal codes by shape (all case-sensitive, as postcodes are written in capitals):
/// <list type="bullet">
/// <item>UK: outward and inward code, "SW1A 1AA", "M1 1AE", "EC1A 1BB";</item>
/// <item>Netherlands: four digits (not starting 0) and two capitals, "1234 AB" or "1234AB",
/// except letter pairs that are units or clinical abbreviations ("1000 IU", "2019 CT");</item>
/// <item>Canada: "K1A 0B1", except TNM-shaped strings ("T2N1M1");</item>
/// <item>US: a state abbreviation then a five-digit ZIP or ZIP+4 ("NY 10001", "CA 94105-1234"),
/// and a bare ZIP+4 ("10001-1234");</item>
/// <item>Germany, France, Spain, Italy: five digits followed by a capitalised place name
/// ("10115 Berlin", "75008 Paris", "28001 Madrid"), except when the word is a unit or count noun.</item>
/// </list>
/// A bare five-digit number is never flagged: it is as likely a count or a lab value
/// ("platelets 15000"). After a keyword ("ZIP", "PLZ", "postcode") any code is flagged by
/// <see cref="KeywordNumberDetector"/>.
/// </summary>
internal sealed partial class PostalCodeDetector : IValueDetector
{
    /// <summary>Capital letter pairs that follow a four-digit number in clinical text and are not Dutch postcode letters.</summary>
    private static readonly FrozenSet<string> DutchExclusions = new[]
    {
        "IU", "IE", "UI", "MG", "ML", "GY", "CC", "KG", "MM", "CM", "HR", "PM", "AM", "MU", "EU", "UK", "US",
        "NL", "DE", "FR", "ES", "BE", "IT", "AD", "BC", "CE", "CT", "MR", "RT", "PT", "OK", "OR", "GP", "ED",
        "ER", "IC", "ID", "IV", "IM", "SC", "PO", "PR", "PD", "CR", "NR", "PS", "QD", "BD", "TD", "DD", "NA",
        "ND", "NB", "NM", "NE", "TX", "RX", "DX", "HX", "FX", "SX", "BP", "HB", "KU", "EH", "KE", "GE",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised words after a five-digit number that are not place names.</summary>
    private static readonly FrozenSet<string> NotPlaceNames = new[]
    {
        "Units", "Unit", "Patients", "Cells", "Copies", "Steps", "Einheiten", "Zellen", "Patienten", "Tage",
        "Jahre", "Wochen", "Monate", "Stunden", "Kopien", "Eenheden", "Cellen", "Unidades", "Unités", "Unites",
        "Gray", "Total", "Range", "Mean", "Median",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DutchExclusionLookup =
        DutchExclusions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPlaceLookup =
        NotPlaceNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits == 0)
        {
            return;
        }

        if (profile.HasUpper)
        {
            foreach (var m in UnitedKingdom().EnumerateMatches(text))
            {
                hits.Add(m.Index, m.Length, IdentifierCategory.PostalCode, HitEvidence.Shape);
            }

            foreach (var m in Canada().EnumerateMatches(text))
            {
                if (!LooksLikeTnm(text.Slice(m.Index, m.Length)))
                {
                    hits.Add(m.Index, m.Length, IdentifierCategory.PostalCode, HitEvidence.Shape);
                }
            }

            foreach (var m in Netherlands().EnumerateMatches(text))
            {
                if (!DutchExclusionLookup.Contains(text.Slice(m.Index + m.Length - 2, 2)))
                {
                    hits.Add(m.Index, m.Length, IdentifierCategory.PostalCode, HitEvidence.Shape);
                }
            }

            foreach (var m in UnitedStates().EnumerateMatches(text))
            {
                hits.Add(m.Index, m.Length, IdentifierCategory.PostalCode, HitEvidence.Shape);
            }

            foreach (var m in FiveDigitsAndPlace().EnumerateMatches(text))
            {
                var candidate = text.Slice(m.Index, m.Length);
                var place = candidate[(candidate.IndexOf(' ') + 1)..];
                var firstWordEnd = place.IndexOfAny(' ', '-');
                if (!NotPlaceLookup.Contains(firstWordEnd < 0 ? place : place[..firstWordEnd]))
                {
                    hits.Add(m.Index, m.Length, IdentifierCategory.PostalCode, HitEvidence.Shape);
                }
            }
        }

        if (profile.Digits >= 9)
        {
            foreach (var m in ZipPlusFour().EnumerateMatches(text))
            {
                hits.Add(m.Index, m.Length, IdentifierCategory.PostalCode, HitEvidence.Shape);
            }
        }
    }

    // T2N1M1 / T2N 1M1: tumour-node-metastasis staging, not a Canadian postcode.
    private static bool LooksLikeTnm(ReadOnlySpan<char> candidate)
    {
        Span<char> compact = stackalloc char[8];
        var c = Compact.LettersAndDigits(candidate, compact);
        return c.Length == 6 && c[0] == 'T' && c[2] == 'N' && c[4] == 'M';
    }

    [GeneratedRegex(
        @"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex UnitedKingdom();

    [GeneratedRegex(
        @"(?<![\w.,/-])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Netherlands();

    [GeneratedRegex(
        @"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Canada();

    [GeneratedRegex(
        @"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC),? \d{5}(?:-\d{4})?(?![\w]|[.,/-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex UnitedStates();

    [GeneratedRegex(
        @"(?<![\w.,/-])(?:(?:D|F|E|I|DE|FR|ES|IT)-)?\d{5} \p{Lu}\p{Ll}{2,}(?:[ -]\p{Lu}\p{Ll}+)?",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex FiveDigitsAndPlace();

    [GeneratedRegex(
        @"(?<![\w.,/-])\d{5}-\d{4}(?![\w]|[.,/-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex ZipPlusFour();
}
