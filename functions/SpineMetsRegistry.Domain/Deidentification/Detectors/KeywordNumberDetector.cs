using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification.Text;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Numbers announced by a keyword in any of the registry's languages: "MRN 1234567",
/// "patient nr 12345678", "patiëntnummer", "BSN 12345672", "SSN", "NHS no", "NIR", "DNI",
/// "passport", "tel", "fax", "telefoon", "ZIP", "PLZ", "DOB 12/03/51", "geb. 12-03-1951",
/// "née le", "insurance no". The keyword is the strongest evidence there is, so these hits win
/// over checksum and shape hits on the same digits, and the value needs no valid check digit
/// ("BSN 123456789" is a BSN even with a wrong elfproef: the site meant a BSN).
/// </summary>
/// <remarks>
/// Patterns are anchored on the keyword and match forward (no look-behind), with bounded
/// quantifiers only. The reported span starts at the number, not at the keyword.
/// </remarks>
internal sealed partial class KeywordNumberDetector : IValueDetector
{
    private const string NumberWord = @"(?:(?:no|nr|number|nummer|num[ée]ro|n[°º])\.?\s{0,2}[:#]?\s{0,2})?";

    private static readonly Family[] Families =
    [
        new(MedicalRecord(), IdentifierCategory.MedicalRecordNumber, MinDigits: 5, MaxDigits: 16),
        new(Bsn(), IdentifierCategory.NlBsn, MinDigits: 8, MaxDigits: 9),
        new(Ssn(), IdentifierCategory.UsSocialSecurityNumber, MinDigits: 9, MaxDigits: 9),
        new(Nhs(), IdentifierCategory.UkNhsNumber, MinDigits: 10, MaxDigits: 10),
        new(OtherNational(), IdentifierCategory.NationalId, MinDigits: 5, MaxDigits: 20),
        new(HealthPlan(), IdentifierCategory.HealthPlanNumber, MinDigits: 5, MaxDigits: 20),
        new(Phone(), IdentifierCategory.Phone, MinDigits: 6, MaxDigits: 15),
        new(Postal(), IdentifierCategory.PostalCode, MinDigits: 1, MaxDigits: 10),
        new(BirthDate(), IdentifierCategory.DateOfBirth, MinDigits: 3, MaxDigits: 8),
    ];

    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Letters < 2 || profile.Digits == 0)
        {
            return;
        }

        foreach (var family in Families)
        {
            foreach (var match in family.Pattern.EnumerateMatches(text))
            {
                var start = NumberStart(text, match.Index, match.Index + match.Length);
                var end = match.Index + match.Length;
                var digits = Digits.Count(text[start..end]);
                if (start < end && digits >= family.MinDigits && digits <= family.MaxDigits)
                {
                    hits.Add(start, end - start, family.Category, HitEvidence.Keyword);
                }
            }
        }
    }

    // The number starts at its first digit, extended left over letters, '+', '(' and '-' glued to
    // it ("A1234567", "+31", "(020)"); for a written-out date ("12 March 1951") the first digit.
    private static int NumberStart(ReadOnlySpan<char> text, int matchStart, int matchEnd)
    {
        var firstDigit = text[matchStart..matchEnd].IndexOfAnyInRange('0', '9');
        if (firstDigit < 0)
        {
            return matchEnd;
        }

        var start = matchStart + firstDigit;
        while (start > matchStart && (char.IsLetter(text[start - 1]) || text[start - 1] is '+' or '(' or '-'))
        {
            start--;
        }

        return start;
    }

    private sealed record Family(Regex Pattern, IdentifierCategory Category, int MinDigits, int MaxDigits);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(
        @"\b(?:u?mrn|mr\s?(?:no|nr|number)|medical\s+record(?:\s+(?:number|no|nr))?|hospital\s+(?:number|no|nr|id)|pati[eë]nt\s?(?:number|no|nr|id)|pat\.?\s?-?nr|pati[eë]nt(?:en)?-?nummer|pati[eë]nt\s+nummer|zis(?:-?nummer)?|epd(?:-?nummer)?|dossier(?:nummer)?|nhc|historia\s+cl[ií]nica|ipp|fallnummer|fall-nr|chart\s?(?:number|no)|case\s+(?:number|no))\b\.?\s{0,2}[:#]?\s{0,2}"
        + NumberWord + @"[A-Z]{0,3}-?\d[\d/-]{3,16}(?!\w)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex MedicalRecord();

    [GeneratedRegex(
        @"\b(?:bsn|sofi(?:-?nummer)?|burgerservicenummer)\b\.?\s{0,2}[:#]?\s{0,2}" + NumberWord
        + @"\d[\d .-]{6,10}\d(?![\w]|[.,-]\d)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Bsn();

    [GeneratedRegex(
        @"\b(?:ssn|social\s+security(?:\s+(?:number|no|nr))?)\b\.?\s{0,2}[:#]?\s{0,2}" + NumberWord
        + @"\d{3}[ -]?\d{2}[ -]?\d{4}(?![\w]|[.,-]\d)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Ssn();

    [GeneratedRegex(
        @"\bnhs(?:\s?(?:number|no|nr))?\b\.?\s{0,2}[:#]?\s{0,2}\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w]|[.,-]\d)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Nhs();

    [GeneratedRegex(
        @"\b(?:nir|insee|s[ée]curit[ée]\s+sociale|dni|nie|nif|nuss|passport|paspoort|reisepass|passeport|pasaporte|national\s+insurance(?:\s+number)?|ni\s+(?:number|no))\b\.?\s{0,2}[:#]?\s{0,2}"
        + NumberWord + @"[A-Z]{0,3}\d[\d -]{3,20}\d[A-Z]?(?!\w)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex OtherNational();

    [GeneratedRegex(
        @"\b(?:insurance|policy|polis|verzekerings?|versicherten|versicherungs|member|beneficiary|assur[ée]|afiliaci[óo]n)\s?-?(?:number|no|nr|nummer|id|num[ée]ro|#)\b\.?\s{0,2}[:#]?\s{0,2}[A-Z]{0,3}\d[\d-]{4,18}[A-Z]?(?!\w)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex HealthPlan();

    [GeneratedRegex(
        @"\b(?:tel|telephone|phone|fax|mobile|mobiel|gsm|telefoon|telefon|t[ée]l[ée]phone|t[ée]l|tfno|tel[ée]fono|m[óo]vil|handy|portable|cell\s?phone)\b\.?\s{0,2}"
        + NumberWord + @"[:#]?\s{0,2}\+?\(?\d[\d ./()-]{4,20}\d(?!\w)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Phone();

    [GeneratedRegex(
        @"\b(?:zip(?:\s?code)?|post\s?code|postal\s+code|plz|code\s+postal|c[óo]digo\s+postal|postnummer)\b\.?\s{0,2}[:#]?\s{0,2}[A-Z0-9]{2,4}(?:[ -]?[A-Z0-9]{2,4})?(?!\w)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Postal();

    [GeneratedRegex(
        @"(?:\b(?:dob|date\s+of\s+birth|birth\s?date|born(?:\s+on)?|geb(?:oren)?|geboortedatum|geburtsdatum|n[ée]e?\s+le|date\s+de\s+naissance|nacid[oa](?:\s+el)?|fecha\s+de\s+nacimiento|f\.\s?nac)|\bd\.o\.b)\.?\s{0,2}[:#=]?\s{0,2}(?:(?:on|op|am|le|el)\s{1,2})?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{6}|\d{8}|\d{1,2}\.?\s{1,2}(?:de\s)?\p{L}{3,10}\.?\s{1,2}(?:de\s)?\d{2,4})(?!\w)",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex BirthDate();
}
