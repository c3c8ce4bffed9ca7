using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// Checks study IDs against a site's configured pattern (for example <c>^S03-[0-9]{4}$</c>) and
/// against identifier shapes: a study ID must never be, or contain, an MRN, phone number,
/// national ID, e-mail address, date or name.
/// </summary>
/// <remarks>
/// <para>The looks-like test comes first: an ID that looks like an identifier is reported as
/// such even when it matches the pattern (a site whose pattern is <c>^[0-9]{9}$</c> may be
/// uploading BSNs). It runs the full value scanner (as free text) and adds one rule of its own:
/// an ID that is nothing but digits and separators with six or more digits looks like a medical
/// record number, because hospital numbers have exactly that shape.</para>
/// <para>The pattern must match the whole ID (it is wrapped as <c>\A(?:pattern)\z</c>) and is run
/// by the linear-time <see cref="RegexOptions.NonBacktracking"/> engine, so no site pattern can
/// make the check slow.</para>
/// </remarks>
public sealed class StudyIdCheck
{
    /// <summary>The smallest digit count of an all-digit ID that looks like a medical record number.</summary>
    public const int MrnMinimumDigits = 6;

    private const string FieldCode = "study_id";
    private static readonly IdentifierScanner Scanner = new();
    private readonly Regex pattern;

    private StudyIdCheck(Regex pattern, string source)
    {
        this.pattern = pattern;
        Pattern = source;
    }

    /// <summary>The site pattern as configured.</summary>
    public string Pattern { get; }

    /// <summary>Validates a site's study-ID pattern and creates the check.</summary>
    /// <param name="sitePattern">The configured regular expression; anchors are optional.</param>
    public static StudyIdCheckCreation Create(string? sitePattern)
    {
        if (string.IsNullOrWhiteSpace(sitePattern))
        {
            return StudyIdCheckCreation.Failure(StudyIdCheckCreation.PatternMissing, "The site has no study-ID pattern.");
        }

        try
        {
            var regex = new Regex(
                @"\A(?:" + sitePattern + @")\z",
                RegexOptions.CultureInvariant | RegexOptions.NonBacktracking,
                TimeSpan.FromMilliseconds(100));
            return StudyIdCheckCreation.Success(new StudyIdCheck(regex, sitePattern));
        }
        catch (NotSupportedException ex)
        {
            return StudyIdCheckCreation.Failure(StudyIdCheckCreation.PatternUnsupported, ex.Message);
        }
        catch (ArgumentException ex)
        {
            return StudyIdCheckCreation.Failure(StudyIdCheckCreation.PatternInvalid, ex.Message);
        }
    }

    /// <summary>Checks one study ID.</summary>
    /// <param name="studyId">The study ID as uploaded.</param>
    public StudyIdCheckResult Check(string studyId)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        if (FindIdentifier(studyId) is { } finding)
        {
            return StudyIdCheckResult.LooksLikeIdentifier(finding);
        }

        try
        {
            return pattern.IsMatch(studyId) ? StudyIdCheckResult.Ok() : StudyIdCheckResult.PatternMismatch();
        }
        catch (RegexMatchTimeoutException)
        {
            // Cannot happen with the linear engine on an ID-sized input; never treat it as a pass.
            return StudyIdCheckResult.PatternMismatch();
        }
    }

    /// <summary>
    /// The looks-like test of <see cref="Check"/> alone: the finding <see cref="Check"/> reports
    /// with <see cref="StudyIdOutcome.LooksLikeIdentifier"/>, or null when the ID does not look
    /// like an identifier (whether it matches the pattern is not asked). The gate needs only
    /// this: a pattern mismatch is the validator's to report, and it matches the pattern itself.
    /// </summary>
    /// <param name="studyId">The study ID as uploaded.</param>
    internal static IdentifierFinding? FindIdentifier(string studyId)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        var scan = Scanner.Scan(FieldCode, FieldContentKind.FreeText, studyId);
        if (!scan.IsClean)
        {
            return scan.Findings[0] with { Part = FindingPart.StudyId };
        }

        return LooksLikeRecordNumber(studyId)
            ? new IdentifierFinding(
                IdentifierCategory.MedicalRecordNumber,
                FindingPart.StudyId,
                0,
                studyId.Length,
                IdentifierMasker.Mask(IdentifierCategory.MedicalRecordNumber, studyId),
                FindingSeverity.Error)
            : null;
    }

    private static bool LooksLikeRecordNumber(string studyId)
    {
        var digits = 0;
        foreach (var c in studyId)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '-' or '.' or '/' or '_'))
            {
                return false;
            }
        }

        return digits >= MrnMinimumDigits;
    }
}
