using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification.Checksums;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// National identifiers with a check character: the Spanish DNI (8 digits and a control letter)
/// and NIE (X/Y/Z, 7 digits, control letter), see <see cref="SpanishDni"/>; the French NIR
/// (15 characters with its mod-97 key, spaces allowed), see <see cref="FrenchNir"/>.
/// </summary>
internal sealed partial class NationalIdDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits < 7)
        {
            return;
        }

        Span<char> buffer = stackalloc char[20];
        if (profile.Letters > 0)
        {
            foreach (var match in SpanishPattern().EnumerateMatches(text))
            {
                var compact = Compact.LettersAndDigits(text.Slice(match.Index, match.Length), buffer);
                var valid = char.IsAsciiDigit(compact[0])
                    ? SpanishDni.IsValidDni(compact[..8], compact[8])
                    : SpanishDni.IsValidNie(compact[0], compact[1..8], compact[8]);
                if (valid)
                {
                    hits.Add(match.Index, match.Length, IdentifierCategory.NationalId, HitEvidence.Checksum);
                }
            }
        }

        if (profile.Digits >= 13)
        {
            foreach (var match in FrenchNirPattern().EnumerateMatches(text))
            {
                if (FrenchNir.IsValid(Compact.LettersAndDigits(text.Slice(match.Index, match.Length), buffer)))
                {
                    hits.Add(match.Index, match.Length, IdentifierCategory.NationalId, HitEvidence.Checksum);
                }
            }
        }
    }

    [GeneratedRegex(
        @"(?<![\w-])(?:\d{8}[ -]?[A-Za-z]|[XYZxyz][ -]?\d{7}[ -]?[A-Za-z])(?!\w)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex SpanishPattern();

    [GeneratedRegex(
        @"(?<![\w.,-])[1278] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?![\w]|[.,-]\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex FrenchNirPattern();
}
