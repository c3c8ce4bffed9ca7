using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Codes of letters and digits announced by a keyword, where <see cref="KeywordNumberDetector"/>
/// expects digits: device and implant serial numbers ("SN PSX-20231187", "Seriennummer",
/// "IMEI"), vehicle registration plates and VINs ("kenteken XJ-123-B", "Kennzeichen B-MK 4821",
/// "immatriculation AB-123-CD"), driving and professional licences and certificates ("driving
/// licence MORGA753116SM9IJ", "BIG-nummer", "GMC", "NPI", "DEA"), passports and identity cards
/// whose numbers contain letters ("paspoort NW92BD1K3"), health plan, account and other
/// reference numbers ("Medicare number 1EG4-TE5-MK73", "badge number E-77120"), and codes next
/// to a biometric keyword ("fingerprint template FP-0098123").
/// </summary>
/// <remarks>
/// <para>The code itself must be written in capitals and digits: clinical words after the same
/// keywords ("serial imaging", "plate fixation") are lower case or have no digits, and a code
/// shaped like a vertebral level or range ("C4-C6", "T12-L2") is never reported, because
/// "anterior plate C4-C6" is an implant description, not a vehicle.</para>
/// <para>The keyword is searched first; the code is then read where the keyword ends (for a
/// biometric keyword, within the next few words of the same sentence). Bounded quantifiers only.</para>
/// </remarks>
internal sealed partial class KeywordCodeDetector : IValueDetector
{
    // Separators between a keyword and its code: "no.", "nr", "#", ":", "=" and, for a keyword
    // followed by a few words and a colon ("serienummer van het implantaat: ..."), those words.
    // A keyword may also name its object with a preposition ("número de serie del estimulador").
    private const string Gap =
        @"(?:[\s-]?(?:no|nr|number|nummer|num[ée]ro|n[°º]|id|#)\b\.?)?"
        + @"(?:\s{1,2}(?:of(?:\s+the)?|del?|de\s+la|des|du|der|van(?:\s+het|\s+de)?)\s{1,2}\p{L}{3,14})?"
        + @"(?:(?:\s{1,2}[\p{L}'-]{1,14}){1,4}\s?:)?[\s:#=.]{0,4}";

    // One code: capitals and digits, with single inner separators ("EXC-88102", "1EG4-TE5-MK73").
    private const string Token = @"[A-Z0-9](?:[A-Z0-9]|[./-](?=[A-Z0-9])){2,30}(?![\w])";

    // A code in up to seven groups separated by a space, dot or dash ("AB12 CDE", "QQ 12 34 56 C").
    private const string Grouped = @"[A-Z0-9]{1,17}(?:[ ./-][A-Z0-9]{1,8}){0,6}(?![\w])";

    // The keywords of each family (the families' patterns and the one-pass pre-check share them).
    private const string DeviceKeywords = @"serial(?:\s(?:number|no|nr))?|s/n|sn|ser\.\s?no|serien-?(?:nummer|nr)|seriennummer|serie-?nummer|num[ée]ro\s+de\s+s[ée]rie|n[úu]mero\s+de\s+serie|device\s+id(?:entifier)?|imei|udi";

    private const string VehicleKeywords = @"reg(?:istration)?\.?(?:\s(?:number|no|nr|plate|mark))?|car\s+reg|kenteken(?:nummer)?|(?:kfz-)?kennzeichen|immatriculation|matr[íi]cula(?:\s+del\s+coche)?|(?:licen[cs]e|number|reg)\s?plates?(?:\s(?:number|no))?|numberplate|plate|vin|vehicle\s+(?:identification\s+number|id|registration)";

    private const string LicenceKeywords = @"driving\s+licen[cs]e|driver'?s\s+licen[cs]e|licen[cs]e|rijbewijs(?:nummer)?|f[üu]hrerschein|permis\s+de\s+conduire|carnet\s+de\s+conducir|certificate|gmc|big|npi|dea|uin|rpps|adeli";

    private const string NationalDocumentKeywords = @"passport|paspoort|reisepass|passeport|pasaporte|identity\s+card|id[- ]?(?:card|kaart)|identiteitskaart|personalausweis|carte\s+d'identit[ée]|national\s+insurance|ni|codice\s+fiscale|rijksregister(?:nummer)?|carte\s+vitale|steuer-?id|tax\s+id|nir|dni|nie|nif|nuss";

    private const string HealthPlanKeywords = @"medicare|medicaid|policy|insurance|member|beneficiary|versicherten|polis";

    private const string AccountKeywords = @"(?:bank|billing|invoice)\s+account|account|credit\s+card|debit\s+card";

    private const string ReferenceKeywords = @"employee|staff|badge|claim|case|file|ticket|dossier|accession|specimen|order";

    private const string MedicalRecordKeywords = @"pati[eë]nt\s?(?:id|nr|no|number|nummer)|hospital\s?(?:id|nr|no|number)|mrn";

    private const string BiometricKeywords = @"finger\s?print|retina(?:l)?\s+scan|iris\s+scan|voice\s?print|palm\s?print|face\s+template|facial\s+(?:recognition|template)";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalsOnly =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(
            ["sn", "gmc", "big", "npi", "dea", "uin", "rpps", "adeli", "ni", "nir", "dni", "nie", "nif", "nuss"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // A literal piece of every keyword of every family below (keep in step when adding one).
    private static readonly System.Buffers.SearchValues<string> KeywordStems = System.Buffers.SearchValues.Create(
        [
            "serial", "s/n", "sn", "ser.", "serie", "s\u00e9rie", "device", "imei", "udi",
            "reg", "kenteken", "kennzeichen", "immatriculation", "matr", "plate", "vin", "vehicle",
            "licen", "rijbewijs", "hrerschein", "permis", "carnet", "certificate", "gmc", "big", "npi", "dea", "uin", "rpps", "adeli",
            "pas", "reisepass", "identit", "id", "personalausweis", "national", "ni", "codice", "rijksregister", "vitale", "steuer", "tax",
            "nir", "dni", "nie", "nif", "nuss",
            "medicare", "medicaid", "policy", "insurance", "member", "beneficiary", "versicherten", "polis",
            "account", "card",
            "employee", "staff", "badge", "claim", "case", "file", "ticket", "dossier", "accession", "specimen", "order",
            "pati", "hospital", "mrn",
            "finger", "retina", "iris", "voice", "palm", "face", "facial",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly Family[] Families =
    [
        new(Device(), CodeShape.Token, IdentifierCategory.DeviceIdentifier, MinDigits: 3, NeedsLetter: false),
        new(Vehicle(), CodeShape.Grouped, IdentifierCategory.VehicleIdentifier, MinDigits: 1, NeedsLetter: true),
        new(Licence(), CodeShape.Token, IdentifierCategory.LicenceNumber, MinDigits: 3, NeedsLetter: false),
        new(NationalDocument(), CodeShape.Grouped, IdentifierCategory.NationalId, MinDigits: 2, NeedsLetter: false),
        new(HealthPlan(), CodeShape.Token, IdentifierCategory.HealthPlanNumber, MinDigits: 3, NeedsLetter: false),
        new(Account(), CodeShape.Token, IdentifierCategory.AccountNumber, MinDigits: 4, NeedsLetter: false),
        new(Reference(), CodeShape.Token, IdentifierCategory.IdentifyingNumber, MinDigits: 3, NeedsLetter: true),
        new(MedicalRecord(), CodeShape.Token, IdentifierCategory.MedicalRecordNumber, MinDigits: 4, NeedsLetter: false),
        new(Biometric(), CodeShape.Nearby, IdentifierCategory.Biometric, MinDigits: 3, NeedsLetter: false),
    ];

    /// <summary>Where the code is, relative to the end of its keyword.</summary>
    private enum CodeShape
    {
        /// <summary>One word right after the keyword.</summary>
        Token,

        /// <summary>Up to seven groups right after the keyword.</summary>
        Grouped,

        /// <summary>The first code word within a few words after the keyword (same sentence).</summary>
        Nearby,
    }

    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Letters < 2 || profile.Digits == 0)
        {
            return;
        }

        // One vectorised pass over the value for the start of any keyword: most values have none,
        // and a multi-megabyte value must not run nine patterns.
        if (text.IndexOfAny(KeywordStems) < 0)
        {
            return;
        }

        foreach (var family in Families)
        {
            // The keyword pattern is searched first (fast: its literal prefixes are few); the
            // code is read only where a keyword ends.
            foreach (var keyword in family.Keyword.EnumerateMatches(text))
            {
                if (!IsWrittenAsKeyword(text[keyword.Index..]))
                {
                    continue;
                }

                var from = keyword.Index + keyword.Length;
                if (FindCode(family.Shape, text[from..]) is var (offset, length) && family.Accepts(text.Slice(from + offset, length)))
                {
                    hits.Add(from + offset, length, family.Category, HitEvidence.Keyword);
                }
            }
        }
    }

    private static (int Offset, int Length)? FindCode(CodeShape shape, ReadOnlySpan<char> rest)
    {
        var window = shape == CodeShape.Nearby ? SameSentence(rest[..Math.Min(rest.Length, 48)]) : rest;
        var pattern = shape switch
        {
            CodeShape.Token => TokenAtStart(),
            CodeShape.Grouped => GroupedAtStart(),
            _ => TokenNearby(),
        };
        foreach (var match in pattern.EnumerateMatches(window))
        {
            return (match.Index, match.Length);
        }

        return null;
    }

    // Abbreviations that are also words ("big", "dea", "sn", "ni") count only in capitals.
    private static bool IsWrittenAsKeyword(ReadOnlySpan<char> fromKeyword)
    {
        var length = 0;
        while (length < fromKeyword.Length && length < 6 && char.IsAsciiLetter(fromKeyword[length]))
        {
            length++;
        }

        var word = fromKeyword[..length];
        return !CapitalsOnly.Contains(word) || !word.ContainsAnyInRange('a', 'z');
    }

    private static ReadOnlySpan<char> SameSentence(ReadOnlySpan<char> window)
    {
        var end = window.IndexOfAny(';', '\n');
        var stop = window.IndexOf(". ", StringComparison.Ordinal);
        end = end < 0 ? stop : stop < 0 ? end : Math.Min(end, stop);
        return end < 0 ? window : window[..end];
    }

    private sealed record Family(Regex Keyword, CodeShape Shape, IdentifierCategory Category, int MinDigits, bool NeedsLetter)
    {
        public bool Accepts(ReadOnlySpan<char> code)
        {
            int digits = 0, letters = 0;
            foreach (var c in code)
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
                letters += char.IsAsciiLetter(c) ? 1 : 0;
            }

            return digits >= MinDigits && (!NeedsLetter || letters > 0) && digits + letters >= 4 && !IsVertebralLevel(code);
        }
    }

    [GeneratedRegex("^" + Token, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex TokenAtStart();

    [GeneratedRegex("^" + Grouped, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex GroupedAtStart();

    [GeneratedRegex(@"(?<![\w./-])" + Token, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex TokenNearby();

    // "T12", "C4-C6", "T11-L1", "L4/L5", "S1": a spinal level or range, never an identifier.
    private static bool IsVertebralLevel(ReadOnlySpan<char> code) => VertebralLevel().IsMatch(code);

    [GeneratedRegex(@"^(?:[CTLS]\d{1,2}(?:[-/][CTLS]?\d{1,2})*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex VertebralLevel();

    [GeneratedRegex(
        @"\b(?:" + DeviceKeywords + ")"
        + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Device();

    [GeneratedRegex(
        @"\b(?:" + VehicleKeywords + ")"
        + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Vehicle();

    [GeneratedRegex(
        @"\b(?:" + LicenceKeywords + ")"
        + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Licence();

    [GeneratedRegex(
        @"\b(?:" + NationalDocumentKeywords + ")"
        + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex NationalDocument();

    [GeneratedRegex(
        @"\b(?:" + HealthPlanKeywords + ")" + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex HealthPlan();

    [GeneratedRegex(
        @"\b(?:" + AccountKeywords + ")" + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Account();

    [GeneratedRegex(
        @"\b(?:" + ReferenceKeywords + ")" + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Reference();

    [GeneratedRegex(
        @"\b(?:" + MedicalRecordKeywords + ")" + Gap,
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex MedicalRecord();

    [GeneratedRegex(
        @"\b(?:" + BiometricKeywords + @")\b",
        Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Biometric();
}
