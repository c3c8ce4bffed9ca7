using System.Text.RegularExpressions;
using SpineMetsRegistry.Domain.Deidentification.Detectors;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// Scans cell values for identifiers: e-mail addresses, phone and fax numbers, US SSNs, Dutch
/// BSNs, UK NHS numbers, French NIRs, Spanish DNIs/NIEs, IBANs, IPv4/IPv6 addresses, URLs, full
/// dates, postcodes, street addresses, keyword-announced record, insurance and national numbers,
/// person names (free text only) and long bare numbers. Pure, thread-safe, allocation-free on
/// clean values; designed to be called on every text cell of million-row batches.
/// </summary>
/// <remarks>
/// <para>Overlapping hits are resolved by evidence (keyword, structure, checksum, shape, name
/// list, bare number) and then length, so each span is reported once, under its most specific
/// category.</para>
/// <para>Fast path: an empty or blank value, a value without letters that is at most six
/// characters long or has fewer than four digits ("38", "7.4", "100%", "-0.594"), and an ISO
/// date (yyyy-mm-dd) in a date field are clean without running any detector: none of the
/// detected identifiers fits in such a value.</para>
/// <para>Every pattern has a match timeout; a detector that times out is run once more (a pause
/// of the process is not the pattern's fault), and a second timeout yields a
/// <see cref="IdentifierCategory.ScanInconclusive"/> error finding over the whole value, never a
/// clean result.</para>
/// </remarks>
public sealed class IdentifierScanner
{
    private static readonly IValueDetector[] DefaultDetectors =
    [
        new KeywordNumberDetector(),
        new KeywordCodeDetector(),
        new ShapeCodeDetector(),
        new EmailDetector(),
        new UrlDetector(),
        new IpAddressDetector(),
        new IbanDetector(),
        new UsSsnDetector(),
        new DutchBsnDetector(),
        new UkNhsNumberDetector(),
        new NationalIdDetector(),
        new FullDateDetector(),
        new PhoneDetector(),
        new PostalCodeDetector(),
        new StreetAddressDetector(),
        new PersonNameDetector(),
        new LongNumberDetector(),
    ];

    private readonly DeidentificationSettings settings;
    private readonly IValueDetector[] detectors; // an array: foreach over it allocates no enumerator

    /// <summary>Creates a scanner without severity downgrades.</summary>
    public IdentifierScanner()
        : this(DeidentificationSettings.Default)
    {
    }

    /// <summary>Creates a scanner applying the per-field downgrades of <paramref name="settings"/>.</summary>
    /// <param name="settings">Validated settings (see <see cref="DeidentificationSettings.Create"/>).</param>
    public IdentifierScanner(DeidentificationSettings settings)
        : this(settings, DefaultDetectors)
    {
    }

    internal IdentifierScanner(DeidentificationSettings settings, IReadOnlyList<IValueDetector> detectors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(detectors);
        this.settings = settings;
        this.detectors = [.. detectors];
    }

    /// <summary>Scans one value of field <paramref name="fieldCode"/>.</summary>
    /// <param name="fieldCode">The field's code (decides per-field downgrades).</param>
    /// <param name="kind">The field's content kind (decides which detectors run).</param>
    /// <param name="value">The raw cell value.</param>
    /// <returns>The findings; <see cref="FieldScanResult.Clean"/> when none.</returns>
    public FieldScanResult Scan(string fieldCode, FieldContentKind kind, string? value) =>
        Scan(fieldCode, kind, value.AsSpan());

    /// <inheritdoc cref="Scan(string, FieldContentKind, string?)"/>
    public FieldScanResult Scan(string fieldCode, FieldContentKind kind, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(fieldCode);
        if (IsTriviallyClean(value, kind))
        {
            return FieldScanResult.Clean;
        }

        var profile = TextProfile.Of(value);
        var hits = default(HitCollector);
        foreach (var detector in detectors)
        {
            if (!detector.AppliesTo(kind))
            {
                continue;
            }

            if (!TryDetect(detector, value, profile, kind, ref hits) && !TryDetect(detector, value, profile, kind, ref hits))
            {
                // Timed out twice: a pattern that is really slow on this value, not a pause of
                // the process (a garbage collection, a starved CPU), which the retry absorbs.
                hits.Add(0, value.Length, IdentifierCategory.ScanInconclusive, HitEvidence.Inconclusive);
                break;
            }
        }

        return hits.Count == 0 ? FieldScanResult.Clean : ToResult(fieldCode, value, hits.Resolve());
    }

    // A retry after a timeout may add a hit twice; overlap resolution keeps one.
    private static bool TryDetect(IValueDetector detector, ReadOnlySpan<char> value, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        try
        {
            detector.Detect(value, profile, kind, ref hits);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private FieldScanResult ToResult(string fieldCode, ReadOnlySpan<char> value, IReadOnlyList<DetectorHit> hits)
    {
        var findings = new IdentifierFinding[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var severity = settings.IsDowngraded(fieldCode, hit.Category) ? FindingSeverity.Warning : FindingSeverity.Error;
            findings[i] = new IdentifierFinding(
                hit.Category,
                FindingPart.Value,
                hit.Start,
                hit.Length,
                IdentifierMasker.Mask(hit.Category, value.Slice(hit.Start, hit.Length)),
                severity);
        }

        return new FieldScanResult(findings);
    }

    /// <summary>The fast path: values no detector could match.</summary>
    internal static bool IsTriviallyClean(ReadOnlySpan<char> value, FieldContentKind kind)
    {
        if (value.IsWhiteSpace())
        {
            return true;
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsLetter(c) || c is '@' or '\uFF20')
            {
                return false;
            }

            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return value.Length <= 6 || digits < 4 || (kind == FieldContentKind.Date && IsIsoDate(value));
    }

    private static bool IsIsoDate(ReadOnlySpan<char> value) =>
        value.Length == 10 && value[4] == '-' && value[7] == '-'
        && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3])
        && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]) && char.IsAsciiDigit(value[8]) && char.IsAsciiDigit(value[9]);
}
