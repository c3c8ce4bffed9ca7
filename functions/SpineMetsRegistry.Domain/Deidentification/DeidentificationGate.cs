using System.Globalization;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// The de-identification gate over a batch: column names, the study IDs, every cell that is
/// free text or could not be read as its field's closed type (a number in range, a code, a
/// date in a date field cannot carry an identifier), cells of unknown columns, the cells of
/// structurally broken rows, and the quasi-identifier "age above 89". Each finding becomes
/// a <see cref="ValidationProblem"/> whose message and field show only a masked rendering;
/// any error-severity finding quarantines the whole batch.
/// </summary>
/// <remarks>
/// Facts: HIPAA Safe Harbor, 45 CFR 164.514(b)(2) (the 18 identifiers; ages over 89
/// collapse into "90 or older"). The detectors, masking and per-field warnings are
/// <see cref="IdentifierScanner"/>, <see cref="IdentifierMasker"/> and
/// <see cref="DeidentificationSettings"/>.
/// </remarks>
public sealed partial class DeidentificationGate
{
    /// <summary>Problem code prefix of every gate finding (followed by the part and category, e.g. deid.value.email).</summary>
    public const string CodePrefix = "deid.";

    /// <summary>The code of an exact age above 89.</summary>
    public const string AgeOver89Code = "deid.value.age_over_89";

    private readonly IdentifierScanner _scanner;
    private readonly DataDictionary _dictionary;

    // Replaced whole (one reference), so a gate shared between threads never pairs an ID with
    // another ID's result.
    private CheckedStudyId? _lastStudyId;

    /// <summary>Creates a gate for one site.</summary>
    /// <param name="scanner">The value scanner (with the registry's per-field warnings).</param>
    /// <param name="studyIdPattern">The site's study ID pattern; null checks only that IDs do not look like identifiers.</param>
    /// <param name="dictionary">The data dictionary.</param>
    public DeidentificationGate(IdentifierScanner scanner, string? studyIdPattern, DataDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(dictionary);
        _scanner = scanner;
        _dictionary = dictionary;
        var check = StudyIdCheck.Create(studyIdPattern ?? ".*");
        // The pattern is still checked to be usable; a study ID's match against it is the
        // validator's check (see InspectStudyId).
        if (check.Value is null)
        {
            throw new ArgumentException($"The study ID pattern is unusable: {check.Error?.Message}", nameof(studyIdPattern));
        }
    }

    /// <summary>Whether a problem is a gate finding.</summary>
    public static bool IsGateProblem(ValidationProblem problem) =>
        problem?.Code.StartsWith(CodePrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// How a column name may appear in a report: as itself, unless the text of the header
    /// cell itself looks like an identifier (a file without a header row makes its first
    /// data row the header), then only by position.
    /// </summary>
    public string SafeColumnName(string column, int position) =>
        _dictionary.TryGetField(column, out _) || !ScanLoose(column).Any()
            ? column
            : string.Create(CultureInfo.InvariantCulture, $"(column {position})");

    /// <summary>Checks a header (or the keys of a JSON object): identifier-like names, and header text that is itself an identifier.</summary>
    public IEnumerable<ValidationProblem> InspectColumns(int row, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (_dictionary.TryGetField(column, out _))
            {
                continue;
            }

            var safe = SafeColumnName(column, i + 1);
            var verdict = ColumnNameClassifier.Classify(column);
            if (verdict.SuggestsIdentifier)
            {
                yield return ValidationProblem.Identifier(row, safe, "deid.column." + verdict.Category.ToCode(), isError: true,
                    $"The column name suggests {Describe(verdict.Category)} (it matches \"{verdict.MatchedTerm}\", {verdict.Language}). The registry holds no personal identifiers: remove the column from the export.",
                    maskedValue: null);
            }

            foreach (var finding in ScanLoose(column))
            {
                yield return FromFinding(row, safe, finding, "The header cell itself");
            }
        }
    }

    /// <summary>
    /// Checks one cell; <paramref name="typed"/> tells whether it was read as its field's
    /// closed type; <paramref name="untrusted"/> marks a structurally broken row, whose cells
    /// may be in the wrong columns and are all scanned as free text.
    /// </summary>
    public IEnumerable<ValidationProblem> InspectCell(int row, string column, int position, string value, bool typed, bool untrusted = false) =>
        InspectCell(row, column, _dictionary.TryGetField(column, out var field) ? field : null, position, value, typed, untrusted);

    /// <summary>
    /// <see cref="InspectCell(int, string, int, string, bool, bool)"/> for a caller that has
    /// already looked the column up (<paramref name="field"/>, null for an unknown column):
    /// the validator does, for every cell of every row.
    /// </summary>
    internal IEnumerable<ValidationProblem> InspectCell(int row, string column, FieldDefinition? field, int position, string value, bool typed, bool untrusted)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return [];
        }

        if (untrusted || field is null)
        {
            var safe = SafeColumnName(column, position);
            return ValueFindings(row, safe, ScanLoose(value));
        }

        FieldContentKind kind;
        if (field.Type == FieldType.Text)
        {
            if (field.Code == DataDictionary.StudyIdField)
            {
                return []; // checked by InspectStudyId
            }

            kind = field.FreeText ? FieldContentKind.FreeText : FieldContentKind.Structured;
        }
        else if (typed)
        {
            return [];
        }
        else
        {
            kind = field.Type == FieldType.Date ? FieldContentKind.Date : FieldContentKind.Structured;
        }

        // Most cells are clean: they cost no enumerator. A known column's name is its safe name.
        var scan = _scanner.Scan(column, kind, value);
        return scan.IsClean ? [] : ValueFindings(row, column, scan.Findings);
    }

    /// <summary>
    /// The problems of a cell's findings. A lambda over <c>row</c> and the column written in
    /// <see cref="InspectCell(int, string, FieldDefinition?, int, string, bool, bool)"/> itself
    /// would allocate its closure on every call, clean cells included (a closure over
    /// parameters is made on entry): here it is made only for a cell with findings.
    /// </summary>
    private static IEnumerable<ValidationProblem> ValueFindings(int row, string column, IEnumerable<IdentifierFinding> findings) =>
        findings.Select(f => FromFinding(row, column, f, "The value"));

    /// <summary>
    /// Text whose meaning is unknown (an unknown column, a row whose columns cannot be trusted,
    /// a line that is not valid JSON) is scanned as free text, except that ISO dates
    /// (YYYY-MM-DD) in it are left out: in such text they are the values of date fields
    /// that were misread, and dates in date fields are governed by the date policy. An ISO
    /// date announced by a birth keyword ("DOB: 1951-03-12") is no date field's value: it is
    /// kept and reported as a date of birth.
    /// </summary>
    private IEnumerable<IdentifierFinding> ScanLoose(string value)
    {
        var text = IsoDate().Replace(value, match =>
            DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && !FollowsBirthKeyword(value, match.Index)
                ? new string(' ', match.Length)
                : match.Value);
        return _scanner.Scan("loose", FieldContentKind.FreeText, text).Findings;
    }

    // Only the few characters before the date are looked at: the keyword is next to its date.
    private static bool FollowsBirthKeyword(string value, int dateStart)
    {
        var from = Math.Max(0, dateStart - 32);
        return BirthKeywordAtEnd().IsMatch(value.AsSpan(from, dateStart - from));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial System.Text.RegularExpressions.Regex IsoDate();

    [System.Text.RegularExpressions.GeneratedRegex(
        @"(?:\b(?:dob|date\s+of\s+birth|birth\s?date|born(?:\s+on)?|geb(?:oren)?|geboortedatum|geburtsdatum|n[ée]e?\s+le|date\s+de\s+naissance|nacid[oa](?:\s+el)?|fecha\s+de\s+nacimiento|f\.\s?nac)|\bd\.o\.b)\.?\s{0,2}[:#=]?\s{0,2}(?:(?:on|op|am|le|el)\s{1,2})?$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial System.Text.RegularExpressions.Regex BirthKeywordAtEnd();

    /// <summary>Checks a study ID does not look like a hospital number, phone number or national ID.</summary>
    public IEnumerable<ValidationProblem> InspectStudyId(int row, string studyId)
    {
        ArgumentNullException.ThrowIfNull(studyId);

        // A patient's rows usually follow one another (enrollment, then follow-ups): the last
        // ID's result is kept, so each patient's ID is scanned once rather than once per row.
        // Only the looks-like test is run: whether the ID matches the site's pattern is the
        // validator's check (study_id_pattern), and the gate reports nothing for a mismatch.
        var last = _lastStudyId;
        IdentifierFinding? found;
        if (last is not null && string.Equals(last.StudyId, studyId, StringComparison.Ordinal))
        {
            found = last.Finding;
        }
        else
        {
            found = StudyIdCheck.FindIdentifier(studyId);
            _lastStudyId = new CheckedStudyId(studyId, found);
        }

        return found is { } finding
            ?
            [
                ValidationProblem.Identifier(row, DataDictionary.StudyIdField, finding.Code, isError: true,
                    $"The study ID looks like {Describe(finding.Category)} ({finding.Masked}). Study IDs must be the site's pseudonymous codes, never hospital or national numbers.",
                    finding.Masked),
            ]
            : [];
    }

    private sealed record CheckedStudyId(string StudyId, IdentifierFinding? Finding);

    /// <summary>An exact age above 89 is a quasi-identifier (Safe Harbor): it must arrive as "90+".</summary>
    public static ValidationProblem AgeOver89(int row, string field) =>
        ValidationProblem.Identifier(row, field, AgeOver89Code, isError: true,
            "An exact age above 89 identifies a person (HIPAA Safe Harbor): send \"90+\" instead.", "[age:>89]");

    private static ValidationProblem FromFinding(int row, string field, IdentifierFinding finding, string subject) =>
        ValidationProblem.Identifier(row, field, finding.Code, finding.Severity == FindingSeverity.Error,
            finding.Severity == FindingSeverity.Error
                ? $"{subject} looks like {Describe(finding.Category)} ({finding.Masked}). The registry holds no personal identifiers: remove it and upload the corrected file."
                : $"{subject} may contain {Describe(finding.Category)} ({finding.Masked}); accepted as a warning for this field by registry configuration. Check it is not an identifier.",
            finding.Masked);

    private static string Describe(IdentifierCategory category) => category switch
    {
        IdentifierCategory.PersonName => "a person's name",
        IdentifierCategory.Email => "an e-mail address",
        IdentifierCategory.Phone => "a phone or fax number",
        IdentifierCategory.UsSocialSecurityNumber => "a US social security number",
        IdentifierCategory.NlBsn => "a Dutch citizen service number (BSN)",
        IdentifierCategory.UkNhsNumber => "a UK NHS number",
        IdentifierCategory.NationalId => "a national identity number",
        IdentifierCategory.Iban => "a bank account number (IBAN)",
        IdentifierCategory.AccountNumber => "an account number",
        IdentifierCategory.IpAddress => "an IP address",
        IdentifierCategory.Url => "a web address",
        IdentifierCategory.DateOfBirth => "a full date (possibly a date of birth)",
        IdentifierCategory.PostalCode => "a postcode",
        IdentifierCategory.Address => "a street address",
        IdentifierCategory.MedicalRecordNumber => "a medical record number",
        IdentifierCategory.HealthPlanNumber => "an insurance or health plan number",
        IdentifierCategory.LicenceNumber => "a licence or certificate number",
        IdentifierCategory.VehicleIdentifier => "a vehicle identifier",
        IdentifierCategory.DeviceIdentifier => "a device identifier or serial number",
        IdentifierCategory.Biometric => "a biometric identifier",
        IdentifierCategory.Photograph => "a photograph",
        IdentifierCategory.IdentifyingNumber => "an identifying number",
        IdentifierCategory.ScanInconclusive => "something the scanner could not clear in time",
        _ => "an identifier (" + category.ToCode() + ")",
    };
}
