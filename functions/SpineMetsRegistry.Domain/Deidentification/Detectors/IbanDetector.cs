using SpineMetsRegistry.Domain.Deidentification.Checksums;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// IBANs, compact or in groups separated by single spaces, upper or lower case, validated by the
/// ISO 13616 mod-97 check and (for known countries) the registered length.
/// </summary>
internal sealed class IbanDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.Digits < 4 || profile.Letters < 2 || text.Length < Iban.MinLength)
        {
            return;
        }

        Span<char> compact = stackalloc char[Iban.MaxLength];
        Span<int> endOf = stackalloc int[Iban.MaxLength]; // text index just after each compact char
        for (var i = 0; i + 4 <= text.Length; i++)
        {
            if (!StartsCandidate(text, i))
            {
                continue;
            }

            var count = 0;
            var j = i;
            while (j < text.Length && count < Iban.MaxLength)
            {
                var c = text[j];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    compact[count] = char.ToUpperInvariant(c);
                    endOf[count] = j + 1;
                    count++;
                    j++;
                }
                else if (c == ' ' && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]) && count > 0)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            for (var length = count; length >= Iban.MinLength; length--)
            {
                var end = endOf[length - 1];
                if (IsBoundary(text, end) && Iban.IsValid(compact[..length]))
                {
                    hits.Add(i, end - i, IdentifierCategory.Iban, HitEvidence.Checksum);
                    i = end - 1;
                    break;
                }
            }
        }
    }

    private static bool StartsCandidate(ReadOnlySpan<char> text, int i) =>
        (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        && char.IsAsciiLetter(text[i]) && char.IsAsciiLetter(text[i + 1])
        && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]);

    private static bool IsBoundary(ReadOnlySpan<char> text, int index) =>
        index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
