using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Identifiers recognisable by their shape alone: MAC addresses ("00:1A:2B:3C:4D:5E") and GS1
/// unique device identifiers ("(01)00884521123456...") as device identifiers, image file names
/// ("IMG_20240312_093112.jpg") as photographs (a registry never needs a picture of the patient),
/// GPS coordinates after a keyword as an address, and e-mail addresses spelled out with spaced
/// "[at]" and "[dot]" ("office [at] example [dot] org"). In a structured field (a typed value
/// that could not be read as its type), a whole value that is a code of capitals and digits
/// mixed in one word of at least two letters ("NP1234567", "AB12 CDE"; not a study ID such as
/// "S03-0001") is reported as an identifying number: no field
/// of the dictionary takes such a code, and a passport, plate or serial number looks like this.
/// TNM stages ("T2N1M1") and vertebral levels are excluded.
/// </summary>
internal sealed partial class ShapeCodeDetector : IValueDetector
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        // Cheap, vectorised preconditions first: a multi-megabyte value must not run every pattern.
        if (profile.Digits >= 6 && (text.Count(':') >= 5 || text.Count('-') >= 5))
        {
            Add(Mac(), text, IdentifierCategory.DeviceIdentifier, HitEvidence.Structure, ref hits);
        }

        if (profile.Digits >= 14 && text.Contains("(01)", StringComparison.Ordinal))
        {
            // GS1 application identifiers ("(01)", "(21)") name their parts as a keyword would,
            // so the whole UDI wins over a serial keyword or long number inside it.
            Add(GsUdi(), text, IdentifierCategory.DeviceIdentifier, HitEvidence.Keyword, ref hits);
        }

        if (profile.Digits >= 6 && profile.HasDot && profile.Letters >= 3)
        {
            foreach (var match in Coordinates().EnumerateMatches(text))
            {
                // The hit starts at the first number, not at the keyword.
                var numbers = text.Slice(match.Index, match.Length).IndexOfAny(NumberStart);
                hits.Add(match.Index + numbers, match.Length - numbers, IdentifierCategory.Address, HitEvidence.Keyword);
            }
        }

        if (profile.HasDot && profile.Letters >= 3 && HasImageExtension(text))
        {
            Add(ImageFile(), text, IdentifierCategory.Photograph, HitEvidence.Structure, ref hits);
        }

        if (kind == FieldContentKind.Structured && text.Length <= 40 && profile.Digits >= 2 && profile.HasUpper
            && WholeCode().IsMatch(text) && HasLettersWithDigits(text) && !TnmOrLevel().IsMatch(text))
        {
            hits.Add(0, text.Length, IdentifierCategory.IdentifyingNumber, HitEvidence.Shape);
        }

        if (profile.Letters >= 6
            && (text.Contains("[at]", StringComparison.OrdinalIgnoreCase) || text.Contains("(at)", StringComparison.OrdinalIgnoreCase)))
        {
            Add(SpelledEmail(), text, IdentifierCategory.Email, HitEvidence.Structure, ref hits);
        }
    }

    private static bool HasImageExtension(ReadOnlySpan<char> text)
    {
        foreach (var extension in ImageExtensions)
        {
            if (text.Contains(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> NumberStart = System.Buffers.SearchValues.Create("-0123456789");

    private static readonly string[] ImageExtensions = [".jp", ".png", ".heic", ".tif", ".bmp", ".gif", ".webp"];

    // One word of the code holds two or more letters and a digit.
    private static bool HasLettersWithDigits(ReadOnlySpan<char> code)
    {
        int letters = 0, digits = 0;
        foreach (var c in code)
        {
            if (c is ' ' or '-')
            {
                if (letters >= 2 && digits > 0)
                {
                    return true;
                }

                letters = digits = 0;
                continue;
            }

            letters += char.IsAsciiLetter(c) ? 1 : 0;
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return letters >= 2 && digits > 0;
    }

    private static void Add(Regex pattern, ReadOnlySpan<char> text, IdentifierCategory category, HitEvidence evidence, ref HitCollector hits)
    {
        foreach (var match in pattern.EnumerateMatches(text))
        {
            hits.Add(match.Index, match.Length, category, evidence);
        }
    }

    // One to three groups of capitals and digits, one group mixing both, six or more characters in all.
    [GeneratedRegex(@"^(?=(?:[^A-Z0-9]*[A-Z0-9]){6})(?=.*(?:[A-Z][0-9]|[0-9][A-Z]))[A-Z0-9]{1,17}(?:[ -][A-Z0-9]{1,10}){0,2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex WholeCode();

    [GeneratedRegex(@"^(?:[pcy]?T[0-4xX][a-d]?N[0-3xX][a-c]?M[01xX][a-c]?|[CTLS]\d{1,2}(?:[-/][CTLS]?\d{1,2})*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex TnmOrLevel();

    [GeneratedRegex(@"(?<![\w:-])[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}(?![\w:-])", Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Mac();

    [GeneratedRegex(@"\(01\)\d{14}(?:\(\d{2,4}\)[A-Z0-9]{1,20}){0,5}", Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex GsUdi();

    [GeneratedRegex(@"(?<![\w.])[\w-]{1,64}\.(?:jpe?g|png|heic|tiff?|bmp|gif|webp)\b", Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex ImageFile();

    [GeneratedRegex(@"\b(?:gps|coordinates|co[öo]rdinaten|koordinaten|coordonn[ée]es|coordenadas|lat(?:itude)?/lon(?:g|gitude)?)\b[\s:=]{0,3}-?\d{1,3}\.\d{3,8}°?[NS]?[,;\s]{1,3}-?\d{1,3}\.\d{3,8}°?[EW]?", Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Coordinates();

    [GeneratedRegex(@"(?<![\w.-])[\w.+-]{1,64}\s{1,2}[\[(]at[\])]\s{1,2}[\w-]{1,63}(?:\s{0,2}[\[(](?:dot|punt|punkt|point)[\])]\s{0,2}[\w-]{1,63}){1,4}", Options, matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex SpelledEmail();
}
