using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;

namespace SpineMetsRegistry.Domain.Batches.Redcap;

/// <summary>
/// The columns REDCap adds to a records export besides the project's fields, and the
/// header cells of a "labels" export. Only the columns listed here are ignored: anything
/// else that is not a dictionary field stays an <c>unknown_column</c> error.
/// </summary>
internal static class RedcapSystemColumns
{
    public const string EventName = "redcap_event_name";
    public const string RepeatInstrument = "redcap_repeat_instrument";
    public const string RepeatInstance = "redcap_repeat_instance";
    public const string DataAccessGroup = "redcap_data_access_group";
    public const string CompleteSuffix = "_complete";
    public const string CheckboxSeparator = "___";

    /// <summary>
    /// How REDCap heads its own columns in a labels export (and the form status columns,
    /// "Complete?"): any of them means the header is made of labels, not variable names.
    /// </summary>
    private static readonly HashSet<string> LabelHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Event Name", "Repeat Instrument", "Repeat Instance", "Data Access Group", "Complete?", "Record ID",
    };

    /// <summary>The form status values of a labels export (a raw export writes 0, 1, 2).</summary>
    private static readonly HashSet<string> StatusLabels = new(StringComparer.OrdinalIgnoreCase) { "Incomplete", "Unverified", "Complete" };

    /// <summary>The checkbox values of a labels export (a raw export writes 1 and 0).</summary>
    private static readonly HashSet<string> CheckboxLabels = new(StringComparer.OrdinalIgnoreCase) { "Checked", "Unchecked" };

    /// <summary>
    /// The columns ignored by an explicit list: the form status column of every form the
    /// registry's REDCap dictionary export creates, the repeat instance and the data access
    /// group. (The event and repeat instrument columns are read, not ignored.)
    /// </summary>
    public static IReadOnlySet<string> Ignored { get; } = new HashSet<string>(
        RedcapDictionaryWriter.FormNames.Select(form => form + CompleteSuffix).Append(RepeatInstance).Append(DataAccessGroup),
        StringComparer.Ordinal);

    /// <summary>Whether a raw header comes from REDCap: it starts with the record ID field and has REDCap's own columns.</summary>
    public static bool IsRawHeader(IReadOnlyList<string> columns, DataDictionary dictionary)
    {
        if (columns.Count == 0 || columns[0] is not (RedcapSettings.StudyIdName or RedcapSettings.RecordIdName)
            || columns.Contains(DataDictionary.RecordTypeField, StringComparer.Ordinal))
        {
            return false;
        }

        return columns.Any(c => c is EventName or RepeatInstrument || Ignored.Contains(c) || Checkbox.TryParse(c, dictionary, out _));
    }

    /// <summary>Whether a header is made of REDCap labels ("Study ID", "Event Name", "Complete?") rather than variable names.</summary>
    public static bool IsLabelHeader(IReadOnlyList<string> columns, DataDictionary dictionary)
    {
        if (columns.Count == 0 || columns.Contains(DataDictionary.RecordTypeField, StringComparer.Ordinal))
        {
            return false;
        }

        var studyIdLabel = dictionary.Field(DataDictionary.StudyIdField).Label;
        return string.Equals(columns[0], studyIdLabel, StringComparison.OrdinalIgnoreCase) || columns.Any(LabelHeaders.Contains);
    }

    /// <summary>
    /// Whether a record of a raw-headed export holds labels ("Complete", "Checked",
    /// "Week 6 (Arm 1: Arm 1)"): REDCap's API can export label values under variable names.
    /// </summary>
    public static bool HasLabelValues(RawRecord record)
    {
        foreach (var (column, raw) in record.Fields)
        {
            var value = raw.Trim();
            if ((column.EndsWith(CompleteSuffix, StringComparison.Ordinal) && StatusLabels.Contains(value))
                || (column.Contains(CheckboxSeparator, StringComparison.Ordinal) && CheckboxLabels.Contains(value))
                || (column == EventName && value.Contains("(Arm ", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>field___code</c> column of a REDCap checkbox field.</summary>
    /// <param name="Field">The dictionary field (a code list).</param>
    /// <param name="Code">The canonical code the column ticks.</param>
    public readonly record struct Checkbox(FieldDefinition Field, string Code)
    {
        /// <summary>
        /// Reads a checkbox column name. REDCap writes the code in lower case with any
        /// character other than a letter or digit replaced by an underscore.
        /// </summary>
        public static bool TryParse(string column, DataDictionary dictionary, out Checkbox checkbox)
        {
            checkbox = default;
            var separator = column.IndexOf(CheckboxSeparator, StringComparison.Ordinal);
            if (separator <= 0
                || !dictionary.TryGetField(column[..separator], out var field)
                || field.Type != FieldType.LevelList)
            {
                return false;
            }

            var suffix = column[(separator + CheckboxSeparator.Length)..];
            foreach (var entry in field.CodeList!.Entries)
            {
                if (string.Equals(ColumnSuffix(entry.Code), suffix, StringComparison.Ordinal))
                {
                    checkbox = new Checkbox(field, entry.Code);
                    return true;
                }
            }

            return false;
        }

        /// <summary>The column suffix REDCap derives from a choice code.</summary>
        public static string ColumnSuffix(string code) =>
            string.Create(code.Length, code, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsAsciiLetterOrDigit(source[i]) ? char.ToLowerInvariant(source[i]) : '_';
                }
            });
    }
}
