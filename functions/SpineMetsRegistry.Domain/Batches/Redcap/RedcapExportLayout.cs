using System.Globalization;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;

namespace SpineMetsRegistry.Domain.Batches.Redcap;

/// <summary>
/// The columns of a REDCap "raw" records export from a project built on the registry's
/// REDCap dictionary, in REDCap's order: the record ID field, <c>redcap_event_name</c> (a
/// longitudinal project), then form by form each field (a checkbox as one
/// <c>field___code</c> column per code) followed by the form's <c>&lt;form&gt;_complete</c>
/// status. Writes registry records in that layout (templates and examples for sites).
/// </summary>
public sealed class RedcapExportLayout
{
    private readonly RedcapSettings _settings;
    private readonly List<LayoutColumn> _columns;

    private RedcapExportLayout(RedcapSettings settings, List<LayoutColumn> columns)
    {
        _settings = settings;
        _columns = columns;
    }

    /// <summary>The export's header.</summary>
    public IReadOnlyList<string> Columns => _columns.Select(c => c.Name).ToList();

    /// <summary>The layout of a longitudinal project (events from <paramref name="settings"/>).</summary>
    public static RedcapExportLayout Longitudinal(DataDictionary dictionary, RedcapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(settings);
        var columns = new List<LayoutColumn>
        {
            new(settings.RecordIdField, null, null, null),
            new(RedcapSystemColumns.EventName, null, null, null),
        };

        var fields = RedcapDictionaryWriter.FieldsInOrder(dictionary).Where(f => f.Field.Code != DataDictionary.StudyIdField).ToList();
        foreach (var form in RedcapDictionaryWriter.FormNames)
        {
            foreach (var (field, _) in fields.Where(f => f.Form == form))
            {
                if (field.Type == FieldType.LevelList)
                {
                    columns.AddRange(field.CodeList!.Entries.Select(entry =>
                        new LayoutColumn(field.Code + RedcapSystemColumns.CheckboxSeparator + RedcapSystemColumns.Checkbox.ColumnSuffix(entry.Code), field, entry.Code, form)));
                }
                else
                {
                    columns.Add(new LayoutColumn(field.Code, field, null, form));
                }
            }

            columns.Add(new LayoutColumn(form + RedcapSystemColumns.CompleteSuffix, null, null, form));
        }

        return new RedcapExportLayout(settings, columns);
    }

    /// <summary>
    /// One registry record (field code to value, as in a registry batch) as a REDCap export
    /// row: the event is the first in the map for its record type and time point; yes/no
    /// fields are written 1/0, code lists as ticked checkboxes, forms with data as complete (2).
    /// </summary>
    /// <exception cref="ArgumentException">No event of the map holds the record's type and time point.</exception>
    public IReadOnlyList<string> Row(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var recordType = values.GetValueOrDefault(DataDictionary.RecordTypeField, string.Empty);
        var timePoint = values.GetValueOrDefault("time_point");
        var mapping = _settings.Events.FirstOrDefault(e => e.RecordType == recordType && (e.TimePoint is null || string.Equals(e.TimePoint, timePoint, StringComparison.OrdinalIgnoreCase)))
            ?? throw new ArgumentException($"No REDCap event holds {recordType} records at time point {timePoint ?? "(none)"}.", nameof(values));

        var formsWithData = _columns
            .Where(c => c.Field is { } field && values.TryGetValue(field.Code, out var value) && value.Length > 0)
            .Select(c => c.Form!)
            .ToHashSet(StringComparer.Ordinal);

        return _columns.Select((column, index) => index switch
        {
            0 => values.GetValueOrDefault(DataDictionary.StudyIdField, string.Empty),
            1 => mapping.Event,
            _ => Cell(column, values, formsWithData),
        }).ToList();
    }

    private static string Cell(LayoutColumn column, IReadOnlyDictionary<string, string> values, HashSet<string> formsWithData)
    {
        if (column.Field is not { } field)
        {
            return formsWithData.Contains(column.Form!) ? "2" : string.Empty;
        }

        var value = values.GetValueOrDefault(field.Code, string.Empty);
        if (column.Code is { } code)
        {
            var ticked = value.Split(';', StringSplitOptions.TrimEntries).Contains(code, StringComparer.OrdinalIgnoreCase);
            return ticked ? "1" : formsWithData.Contains(column.Form!) ? "0" : string.Empty;
        }

        return field.Type == FieldType.Boolean && value.Length > 0
            ? (value.ToLower(CultureInfo.InvariantCulture) is "yes" or "y" or "1" or "true" ? "1" : "0")
            : value;
    }

    private sealed record LayoutColumn(string Name, FieldDefinition? Field, string? Code, string? Form);
}
