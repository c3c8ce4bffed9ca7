using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Dictionary.Export;

namespace SpineMetsRegistry.Domain.Tests.TestSupport;

/// <summary>One row of a REDCap records export: the event, the values (registry field codes) and REDCap's own columns.</summary>
/// <param name="Event">The unique event name (ignored by a classic project).</param>
/// <param name="Values">Field values as the registry writes them (record_type is dropped: REDCap has no such field).</param>
/// <param name="RepeatInstrument">Set for an instance of a repeating instrument.</param>
/// <param name="RepeatInstance">Set for an instance of a repeating instrument or event.</param>
/// <param name="AccessGroup">The data access group.</param>
public sealed record RedcapRow(string Event, Row Values, string? RepeatInstrument = null, int? RepeatInstance = null, string? AccessGroup = null);

/// <summary>
/// A REDCap project built by importing the registry's own REDCap data dictionary export,
/// and the records exports REDCap writes for it: the export is parsed here, so the test
/// exports follow the dictionary and cannot drift from it. Raw exports have REDCap's column
/// order (record ID, event, repeat columns, access group, then each form's fields followed
/// by its <c>&lt;form&gt;_complete</c> column; a checkbox as one <c>field___code</c> column per
/// choice); labels exports have field labels as headers and choice labels as values.
/// </summary>
public sealed class RedcapProject
{
    private static readonly IReadOnlyList<ExportedField> Exported = ReadDictionaryExport();

    /// <summary>Which forms each event of the recommended longitudinal setup has (REDCap leaves the others blank).</summary>
    private static readonly Dictionary<string, string[]> FormsOfEvent = new(StringComparer.Ordinal)
    {
        ["baseline_arm_1"] = ["enrollment", "outcomes"],
        ["week_6_arm_1"] = ["outcomes", "follow_up"],
        ["week_12_arm_1"] = ["outcomes", "follow_up"],
        ["week_26_arm_1"] = ["outcomes", "follow_up"],
        ["week_52_arm_1"] = ["outcomes", "follow_up"],
        ["unscheduled_arm_1"] = ["outcomes", "follow_up"],
        ["withdrawal_arm_1"] = ["withdrawal"],
    };

    private static readonly Dictionary<string, string> EventLabels = new(StringComparer.Ordinal)
    {
        ["baseline_arm_1"] = "Baseline (Arm 1: Arm 1)",
        ["week_6_arm_1"] = "Week 6 (Arm 1: Arm 1)",
        ["week_12_arm_1"] = "Week 12 (Arm 1: Arm 1)",
        ["withdrawal_arm_1"] = "Withdrawal (Arm 1: Arm 1)",
    };

    public RedcapProject(bool longitudinal = true, bool repeating = false, bool accessGroups = false, string recordIdField = "study_id")
    {
        Longitudinal = longitudinal;
        Repeating = repeating;
        AccessGroups = accessGroups;
        RecordIdField = recordIdField;
    }

    public bool Longitudinal { get; }

    public bool Repeating { get; }

    public bool AccessGroups { get; }

    public string RecordIdField { get; }

    /// <summary>The forms of the registry's REDCap dictionary, in order.</summary>
    public static IReadOnlyList<string> Forms => Exported.Select(f => f.Form).Distinct().ToList();

    /// <summary>The header of a raw export.</summary>
    public IReadOnlyList<string> RawHeader => RawColumns().Select(c => c.Name).ToList();

    /// <summary>A raw records export ("CSV / Microsoft Excel (raw data)").</summary>
    public string RawExport(params RedcapRow[] rows) => Render(RawColumns(), rows, labels: false);

    /// <summary>A labels export ("CSV / Microsoft Excel (labels)").</summary>
    public string LabelsExport(params RedcapRow[] rows) => Render(RawColumns(), rows, labels: true, labelHeader: true);

    /// <summary>Raw variable names as headers but labels as values (API rawOrLabel=label, rawOrLabelHeaders=raw).</summary>
    public string LabelValuesExport(params RedcapRow[] rows) => Render(RawColumns(), rows, labels: true);

    private List<Column> RawColumns()
    {
        var columns = new List<Column> { new(RecordIdField, "Study ID", ColumnKind.RecordId) };
        if (Longitudinal)
        {
            columns.Add(new("redcap_event_name", "Event Name", ColumnKind.Event));
        }

        if (Repeating)
        {
            columns.Add(new("redcap_repeat_instrument", "Repeat Instrument", ColumnKind.RepeatInstrument));
            columns.Add(new("redcap_repeat_instance", "Repeat Instance", ColumnKind.RepeatInstance));
        }

        if (AccessGroups)
        {
            columns.Add(new("redcap_data_access_group", "Data Access Group", ColumnKind.AccessGroup));
        }

        foreach (var form in Forms)
        {
            foreach (var field in Exported.Where(f => f.Form == form && f.Name != "study_id"))
            {
                if (field.Type == "checkbox")
                {
                    columns.AddRange(field.Choices.Select(choice => new Column(
                        $"{field.Name}___{choice.Code.ToLowerInvariant()}", $"{field.Label} (choice={choice.Label})", ColumnKind.Checkbox, field, choice.Code)));
                }
                else
                {
                    columns.Add(new(field.Name, field.Label, ColumnKind.Field, field));
                }
            }

            columns.Add(new(form + "_complete", "Complete?", ColumnKind.FormStatus, Form: form));
        }

        return columns;
    }

    private string Render(List<Column> columns, RedcapRow[] rows, bool labels, bool labelHeader = false)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', columns.Select(c => BatchText.Quote(labelHeader ? c.Label : c.Name)))).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', columns.Select(c => BatchText.Quote(Cell(c, row, labels))))).Append('\n');
        }

        return text.ToString();
    }

    private string Cell(Column column, RedcapRow row, bool labels)
    {
        var formsWithData = Exported.Where(f => row.Values[f.Name] is { Length: > 0 } && f.Name != "study_id").Select(f => f.Form).ToHashSet();
        var designated = Longitudinal && FormsOfEvent.TryGetValue(row.Event, out var forms) ? forms : Forms.ToArray();
        switch (column.Kind)
        {
            case ColumnKind.RecordId:
                return row.Values["study_id"] ?? string.Empty;
            case ColumnKind.Event:
                return labels ? EventLabels.GetValueOrDefault(row.Event, row.Event) : row.Event;
            case ColumnKind.RepeatInstrument:
                return row.RepeatInstrument ?? string.Empty;
            case ColumnKind.RepeatInstance:
                return row.RepeatInstance?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            case ColumnKind.AccessGroup:
                return row.AccessGroup ?? string.Empty;
            case ColumnKind.FormStatus:
                return formsWithData.Contains(column.Form!) ? (labels ? "Complete" : "2") : designated.Contains(column.Form!) ? (labels ? "Incomplete" : "0") : string.Empty;
            case ColumnKind.Checkbox:
                if (!designated.Contains(column.Field!.Form))
                {
                    return string.Empty;
                }

                var ticked = (row.Values[column.Field.Name] ?? string.Empty).Split(';').Contains(column.Code, StringComparer.OrdinalIgnoreCase);
                return labels ? (ticked ? "Checked" : "Unchecked") : (ticked ? "1" : "0");
            default:
                var value = row.Values[column.Field!.Name] ?? string.Empty;
                if (value.Length == 0)
                {
                    return value;
                }

                if (column.Field.Type == "yesno")
                {
                    var yes = value is "yes" or "1" or "true";
                    return labels ? (yes ? "Yes" : "No") : (yes ? "1" : "0");
                }

                return labels && column.Field.Choices.FirstOrDefault(c => string.Equals(c.Code, value, StringComparison.OrdinalIgnoreCase)) is { } choice ? choice.Label : value;
        }
    }

    private static IReadOnlyList<ExportedField> ReadDictionaryExport()
    {
        var csv = Exports.Of(DictionaryExportFormat.Redcap);
        var reader = BatchReaders.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), BatchFormat.Csv);
        var fields = new List<ExportedField>();
        foreach (var record in reader.ReadAsync().ToBlockingEnumerable())
        {
            var cells = record.Fields.ToDictionary(f => f.Column, f => f.Value);
            var choices = cells["Choices, Calculations, OR Slider Labels"]
                .Split(" | ", StringSplitOptions.RemoveEmptyEntries)
                .Select(choice => choice.Split(", ", 2))
                .Select(parts => new Choice(parts[0], parts[1]))
                .ToList();
            fields.Add(new ExportedField(cells["Variable / Field Name"], cells["Form Name"], cells["Field Type"], cells["Field Label"], choices));
        }

        return fields;
    }

    private enum ColumnKind
    {
        RecordId,
        Event,
        RepeatInstrument,
        RepeatInstance,
        AccessGroup,
        Field,
        Checkbox,
        FormStatus,
    }

    private sealed record Choice(string Code, string Label);

    private sealed record ExportedField(string Name, string Form, string Type, string Label, IReadOnlyList<Choice> Choices);

    private sealed record Column(string Name, string Label, ColumnKind Kind, ExportedField? Field = null, string? Code = null, string? Form = null);
}
