using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// Street addresses with a house number, in the registry's languages:
/// Dutch and German compounds ("Kerkstraat 12", "Hauptstraße 5a", "Dorpsweg 3");
/// German separate street words ("Lange Straße 7"); English ("221 Baker Street", "12 Main Rd");
/// French ("12 rue de la Paix", "3 bis avenue Victor Hugo"); Spanish and Catalan
/// ("Calle Mayor 5", "C/ Alcalá, 23", "Avenida de la Constitución 10"); Italian
/// ("Via Roma 10"). Street names must be capitalised; a bare street name without a number is
/// not flagged.
/// </summary>
internal sealed partial class StreetAddressDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits == 0 || profile.Letters < 3 || !profile.HasUpper)
        {
            return;
        }

        foreach (var pattern in (ReadOnlySpan<Regex>)[Germanic(), GermanSeparate(), English(), French(), Spanish(), Italian()])
        {
            foreach (var m in pattern.EnumerateMatches(text))
            {
                hits.Add(m.Index, m.Length, IdentifierCategory.Address, HitEvidence.Shape);
            }
        }
    }

    [GeneratedRegex(
        @"\b\p{Lu}\p{Ll}{1,30}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|straße|strasse|str\.|allee|gasse|platz|damm)\s\d{1,4}(?:\s?[a-zA-Z]\b)?",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Germanic();

    [GeneratedRegex(
        @"\b\p{Lu}\p{Ll}{2,30}\s(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse)\s\d{1,4}[a-z]?\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex GermanSeparate();

    [GeneratedRegex(
        @"\b\d{1,5}[A-Za-z]?\s(?:\p{Lu}\p{Ll}+\s){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Drive|Terrace|Crescent)(?!\w)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex English();

    [GeneratedRegex(
        @"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute)\s(?:(?:de la|de|du|des|d')\s?)?\p{Lu}[\p{L}-]+",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex French();

    [GeneratedRegex(
        @"(?:\b(?:[Cc]alle|[Aa]venida|Avda\.?|[Pp]laza|[Pp]aseo|[Cc]amino|[Cc]arrer)|\bC/)\s?(?:(?:de la|de los|de las|del|de)\s)?\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+){0,3},?\s(?:n[º°o]\.?\s?)?\d{1,4}\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Spanish();

    [GeneratedRegex(
        @"\b(?:Via|Viale|Piazza|Corso|via|viale|piazza|corso)\s\p{Lu}[\p{L}']+(?:\s\p{Lu}[\p{L}']+){0,3},?\s\d{1,4}\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex Italian();
}
