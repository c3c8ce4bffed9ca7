using System.Globalization;
using SpineMetsRegistry.Domain.Csv;

namespace SpineMetsRegistry.Domain.Dictionary.Export;

/// <summary>
/// Writes the dictionary as a REDCap data dictionary CSV (the 18-column format REDCap's
/// "Upload data dictionary" accepts), so a site that captures data in REDCap builds the
/// registry's forms in one import. Forms: <c>enrollment</c> (baseline-only fields),
/// <c>outcomes</c> (fields shared by enrollment and follow-up: assign it to every event in
/// a longitudinal project), <c>follow_up</c> and <c>withdrawal</c>. The record_type column is
/// not a REDCap field: sites add it as a constant column when exporting.
/// </summary>
internal static class RedcapDictionaryWriter
{
    public static readonly string[] Header =
    [
        "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
        "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
        "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
        "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
        "Matrix Ranking?", "Field Annotation",
    ];

    private static readonly string[] FormOrder = ["enrollment", "outcomes", "follow_up", "withdrawal"];

    /// <summary>The forms the export creates, in order: their <c>&lt;form&gt;_complete</c> status columns appear in every records export.</summary>
    internal static IReadOnlyList<string> FormNames => FormOrder;

    public static void Write(DataDictionary dictionary, TextWriter output)
    {
        var csv = new CsvRowWriter(output, output.NewLine);
        csv.WriteRow(Header);
        foreach (var (field, form) in FieldsInOrder(dictionary))
        {
            csv.WriteRow(Row(field, form, dictionary.Version));
        }
    }

    /// <summary>The project's fields in the export's order (study_id first, then form by form), each with its form.</summary>
    internal static IEnumerable<(FieldDefinition Field, string Form)> FieldsInOrder(DataDictionary dictionary) =>
        dictionary.Fields
            .Where(f => f.Code != DataDictionary.RecordTypeField)
            .Select((field, index) => (Field: field, Form: FormOf(field), Index: index))
            .OrderBy(f => f.Field.Code == DataDictionary.StudyIdField ? -1 : Array.IndexOf(FormOrder, f.Form))
            .ThenBy(f => f.Index)
            .Select(f => (f.Field, f.Form));

    /// <summary>REDCap variables are unique per project, so a field shared by several record types lives on one shared form.</summary>
    private static string FormOf(FieldDefinition field)
    {
        if (field.Code == DataDictionary.StudyIdField)
        {
            return "enrollment";
        }

        var types = field.RecordTypes;
        return types switch
        {
            ["enrollment"] => "enrollment",
            ["followup"] => "follow_up",
            ["withdrawal"] => "withdrawal",
            _ => "outcomes",
        };
    }

    private static string[] Row(FieldDefinition field, string form, string version)
    {
        var (type, validation, choices) = field.Type switch
        {
            FieldType.Integer => ("text", "integer", string.Empty),
            FieldType.Decimal => ("text", "number", string.Empty),
            FieldType.Date => ("text", "date_ymd", string.Empty),
            FieldType.Boolean => ("yesno", string.Empty, string.Empty),
            FieldType.Code => (field.CodeList!.Entries.Count > 6 ? "dropdown" : "radio", string.Empty, Choices(field.CodeList)),

            // Several codes: one tick box per code; a raw records export then has one
            // field___code column per code, which the registry folds back into its list.
            FieldType.LevelList => ("checkbox", string.Empty, Choices(field.CodeList!)),
            FieldType.Text when field.MaxLength > 255 => ("notes", string.Empty, string.Empty),
            _ => ("text", string.Empty, string.Empty),
        };

        var numeric = field.Type is FieldType.Integer or FieldType.Decimal;
        return
        [
            field.Code,
            form,
            string.Empty,
            type,
            field.Label,
            choices,
            Note(field),
            validation,
            numeric && field.Min is { } min ? min.ToString(CultureInfo.InvariantCulture) : string.Empty,
            numeric && field.Max is { } max ? max.ToString(CultureInfo.InvariantCulture) : string.Empty,
            string.Empty, // Identifier?: the registry holds no identifiers.
            Branching(field),
            IsAlwaysRequired(field) ? "y" : string.Empty,
            string.Empty,
            string.Empty,
            string.Empty,
            string.Empty,
            $"SPINEMETS:{field.Code} v{version}" + (field.Instruments.Count > 0 ? $" instruments={string.Join('+', field.Instruments)}" : string.Empty),
        ];
    }

    private static string Choices(CodeList list) => string.Join(" | ", list.Entries.Select(e => $"{e.Code}, {e.Label}"));

    private static string Note(FieldDefinition field)
    {
        var parts = new List<string>();
        if (field.Unit is not null)
        {
            parts.Add(field.Unit);
        }

        if (field.Type is FieldType.Age || field.Step is not null || field.MaxWhen.Count > 0)
        {
            parts.Add(FieldDescriptions.Allowed(field));
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// Only fields that must be empty outside their condition are hidden by branching logic;
    /// a recommended-when field stays visible (hiding it would lose data entered early).
    /// </summary>
    private static string Branching(FieldDefinition field)
    {
        var requirement = field.Requirement;
        return requirement.When is { } when && requirement.Otherwise == RequirementLevel.Forbidden
            ? string.Join(" or ", when.Values.Select(v => $"[{when.Field}] = '{v}'"))
            : string.Empty;
    }

    /// <summary>
    /// REDCap enforces "required" only while a field is shown, so fields required under a
    /// branching condition are marked required; fields with record-type-specific or
    /// alternative requirements are left to the registry's own validation.
    /// </summary>
    private static bool IsAlwaysRequired(FieldDefinition field)
    {
        var requirement = field.Requirement;
        return requirement.Level == RequirementLevel.Required && requirement.Unless is null && requirement.ByRecordType.Count == 0
            && requirement.WhenAnyPresent.Count == 0 && (requirement.When is null || requirement.Otherwise == RequirementLevel.Forbidden);
    }
}
