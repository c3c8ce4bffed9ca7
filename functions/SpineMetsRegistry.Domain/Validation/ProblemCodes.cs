namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// The stable codes of every validation problem. Codes never change meaning once released:
/// sites script against them. <see cref="All"/> documents each one.
/// </summary>
public static class ProblemCodes
{
    // File-level (structural): the whole batch is held.

    /// <summary>The file has no content.</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The file has a header (or only blank lines) but no records.</summary>
    public const string NoRecords = "no_records";

    /// <summary>The file is not UTF-8 (UTF-16/32 byte order mark, or binary content).</summary>
    public const string UnsupportedEncoding = "unsupported_encoding";

    /// <summary>The file is a zip, gzip or other archive (never unpacked), whatever its name.</summary>
    public const string CompressedFile = "compressed_file";

    /// <summary>The file name's extension is not .csv, .jsonl or .ndjson.</summary>
    public const string UnsupportedFormat = "unsupported_format";

    /// <summary>A column (or JSON key) is not a field of the data dictionary.</summary>
    public const string UnknownColumn = "unknown_column";

    /// <summary>A column appears twice in the header (or a key twice in one JSON object).</summary>
    public const string DuplicateColumn = "duplicate_column";

    /// <summary>A header cell is empty.</summary>
    public const string EmptyColumnName = "empty_column_name";

    /// <summary>A column every record needs (record_type, study_id) is absent.</summary>
    public const string MissingColumn = "missing_column";

    /// <summary>The header has more columns than the reader accepts.</summary>
    public const string TooManyColumns = "too_many_columns";

    /// <summary>A REDCap export of labels instead of raw data (choice labels, field labels as headers).</summary>
    public const string RedcapLabelsExport = "redcap_labels_export";

    /// <summary>
    /// A header cell (or JSON key) starts with a byte order mark (U+FEFF): a second BOM after the
    /// first, or two files joined. Without it the column would look like a known field.
    /// </summary>
    public const string ByteOrderMark = "byte_order_mark";

    // Record-level structure: the record is rejected.

    /// <summary>A REDCap row's event is not in the registry's event map (settings.redcap.events).</summary>
    public const string RedcapUnmappedEvent = "redcap_unmapped_event";

    /// <summary>A REDCap row is an instance of a repeating instrument, which the registry does not import.</summary>
    public const string RedcapRepeatingInstrument = "redcap_repeating_instrument";

    /// <summary>Bytes that are not valid UTF-8 (often a file saved as Latin-1/ANSI).</summary>
    public const string InvalidEncoding = "invalid_encoding";

    /// <summary>
    /// A value or column name contains an invisible control or formatting character (C0/C1
    /// controls other than tab and line breaks, DEL, bidirectional overrides, zero-width
    /// characters, a byte order mark inside the text): terminal escapes, "Trojan Source"
    /// reordering and look-alike IDs are refused, not stored.
    /// </summary>
    public const string ControlCharacter = "control_character";

    /// <summary>A CSV record has a different number of fields than the header.</summary>
    public const string RaggedRow = "ragged_row";

    /// <summary>A quoted CSV field is never closed before the end of the file.</summary>
    public const string UnterminatedQuote = "unterminated_quote";

    /// <summary>A quote appears inside an unquoted field, or text follows a closing quote.</summary>
    public const string InvalidQuote = "invalid_quote";

    /// <summary>A field is longer than the limit.</summary>
    public const string FieldTooLong = "field_too_long";

    /// <summary>A record (CSV record or JSON line) is longer than the limit.</summary>
    public const string RecordTooLong = "record_too_long";

    /// <summary>A JSON line is not valid JSON.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A JSON line is valid JSON but not an object.</summary>
    public const string JsonNotObject = "json_not_object";

    /// <summary>A JSON value is a nested object where a field value is expected.</summary>
    public const string JsonNestedValue = "json_nested_value";

    /// <summary>A blank line (empty, whitespace-only or separators only) between records or at the end of the file (skipped).</summary>
    public const string BlankRow = "blank_row";

    // Field values.

    /// <summary>A required field is empty.</summary>
    public const string MissingRequired = "missing_required";

    /// <summary>A recommended field is empty (warning).</summary>
    public const string MissingRecommended = "missing_recommended";

    /// <summary>A value cannot be read as the field's type.</summary>
    public const string InvalidType = "invalid_type";

    /// <summary>A number or date outside the field's allowed range.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>A value is not one of the field's codes.</summary>
    public const string InvalidCode = "invalid_code";

    /// <summary>A text value is longer than the field allows.</summary>
    public const string TooLong = "too_long";

    /// <summary>The record_type is missing or unknown.</summary>
    public const string InvalidRecordType = "invalid_record_type";

    /// <summary>A field has a value in a record type it does not belong to.</summary>
    public const string NotApplicable = "not_applicable";

    /// <summary>A field has a value although its condition says it must be empty.</summary>
    public const string ConflictingValues = "conflicting_values";

    /// <summary>An instrument is only partly answered, so it cannot be scored.</summary>
    public const string PartialInstrument = "partial_instrument";

    /// <summary>A record-level rule (e.g. ECOG and/or KPS) is violated.</summary>
    public const string RuleViolated = "rule_violated";

    /// <summary>The study ID does not match the site's pattern.</summary>
    public const string StudyIdPattern = "study_id_pattern";

    /// <summary>A date lies after the day the batch was received.</summary>
    public const string DateInFuture = "date_in_future";

    /// <summary>A date lies before the registry's earliest plausible date (configuration, default 2000-01-01).</summary>
    public const string ImplausibleDate = "implausible_date";

    // Across records.

    /// <summary>The same record (study ID + time point, or a second enrollment) appears twice in the batch.</summary>
    public const string DuplicateRecord = "duplicate_record";

    /// <summary>A follow-up visit is dated before the patient's index treatment.</summary>
    public const string VisitBeforeIndex = "visit_before_index";

    /// <summary>A visit is dated after the patient's recorded death.</summary>
    public const string VisitAfterDeath = "visit_after_death";

    /// <summary>A follow-up or withdrawal refers to a study ID the registry has never enrolled.</summary>
    public const string UnknownStudyId = "unknown_study_id";

    /// <summary>A record refers to a patient who withdrew consent.</summary>
    public const string WithdrawnPatient = "withdrawn_patient";

    /// <summary>A visit lies outside its time point's window (warning; it is recorded and flagged).</summary>
    public const string OutsideWindow = "outside_window";

    /// <summary>Every code with a one-line description, for documentation and tests.</summary>
    public static IReadOnlyList<(string Code, string Description)> All { get; } =
    [
        (EmptyFile, "The file has no content."),
        (NoRecords, "The file has a header but no records."),
        (UnsupportedEncoding, "The file is not UTF-8 (UTF-16/32 or binary)."),
        (CompressedFile, "The file is a zip, gzip or other archive; it is never unpacked."),
        (UnsupportedFormat, "The file extension is not .csv, .jsonl or .ndjson."),
        (UnknownColumn, "A column is not a field of the data dictionary (the batch is held; nothing is silently dropped)."),
        (DuplicateColumn, "A column appears twice."),
        (EmptyColumnName, "A header cell is empty."),
        (MissingColumn, "A column every record needs is absent."),
        (TooManyColumns, "The header has more columns than allowed."),
        (RedcapLabelsExport, "A REDCap export of labels: export raw data instead (the batch is held)."),
        (RedcapUnmappedEvent, "The REDCap event is not in the registry's event map."),
        (RedcapRepeatingInstrument, "A REDCap repeating instrument instance: not imported (one record per event)."),
        (ByteOrderMark, "A column name starts with a byte order mark (a second BOM, or two files joined)."),
        (InvalidEncoding, "The record contains bytes that are not valid UTF-8."),
        (ControlCharacter, "A value or column name contains an invisible control or formatting character."),
        (RaggedRow, "The record has a different number of fields than the header."),
        (UnterminatedQuote, "A quoted field is never closed."),
        (InvalidQuote, "A quote inside an unquoted field, or text after a closing quote."),
        (FieldTooLong, "A field exceeds the reader's length limit."),
        (RecordTooLong, "A record exceeds the reader's length limit."),
        (InvalidJson, "The line is not valid JSON."),
        (JsonNotObject, "The line is not a JSON object."),
        (JsonNestedValue, "A value is a nested JSON object."),
        (BlankRow, "A blank line between records or at the end of the file was skipped (warning)."),
        (MissingRequired, "A required field is empty."),
        (MissingRecommended, "A recommended field is empty (warning)."),
        (InvalidType, "The value cannot be read as the field's type."),
        (OutOfRange, "The value is outside the allowed range."),
        (InvalidCode, "The value is not one of the field's codes."),
        (TooLong, "The text is longer than the field allows."),
        (InvalidRecordType, "record_type is missing or unknown."),
        (NotApplicable, "The field does not belong to this record type."),
        (ConflictingValues, "Values contradict each other."),
        (PartialInstrument, "An instrument is only partly answered and cannot be scored (warning)."),
        (RuleViolated, "A record-level rule of the dictionary is violated."),
        (StudyIdPattern, "The study ID does not match the site's pattern."),
        (DateInFuture, "A date lies after the day the batch was received."),
        (ImplausibleDate, "A date lies before the registry's earliest plausible date."),
        (DuplicateRecord, "The same record appears more than once in the batch."),
        (VisitBeforeIndex, "A visit is dated before the index treatment."),
        (VisitAfterDeath, "A visit is dated after the recorded death."),
        (UnknownStudyId, "The study ID was never enrolled at this site."),
        (WithdrawnPatient, "The patient withdrew consent; no data is accepted for them."),
        (OutsideWindow, "The visit lies outside its time point's window (warning)."),
    ];
}
