using System.Globalization;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Batches.Redcap;

/// <summary>What becomes of one column of a REDCap export.</summary>
internal enum RedcapColumnRole
{
    /// <summary>A registry field, passed on under its name (or an unknown column, left for the validator to report).</summary>
    Field,

    /// <summary>The record ID field: passed on as study_id.</summary>
    RecordId,

    /// <summary>redcap_event_name: decides the record type and time point.</summary>
    Event,

    /// <summary>redcap_repeat_instrument: a row of a repeating instrument.</summary>
    RepeatInstrument,

    /// <summary>A system column on the explicit ignore list.</summary>
    Ignored,

    /// <summary>One code of a checkbox field, folded into the field's code list.</summary>
    Checkbox,
}

/// <summary>
/// The translation of a REDCap raw header into the registry's columns, decided once from
/// the header: record_type first (from the event), study_id (the record ID field), every
/// other column in order, each checkbox field once, and time_point when an event supplies
/// it and the project has no such field.
/// </summary>
internal sealed class RedcapColumnPlan
{
    private RedcapColumnPlan(IReadOnlyList<string> inputColumns, Column[] columns, string[] outputColumns, int timePointOutput, bool longitudinal, IReadOnlyList<FileProblem> problems)
    {
        InputColumns = inputColumns;
        Columns = columns;
        OutputColumns = outputColumns;
        TimePointOutput = timePointOutput;
        IsLongitudinal = longitudinal;
        Problems = problems;
    }

    /// <summary>The export's own header.</summary>
    public IReadOnlyList<string> InputColumns { get; }

    /// <summary>The role of every input column, by position.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The registry columns every translated record has, in order.</summary>
    public IReadOnlyList<string> OutputColumns { get; }

    /// <summary>Where time_point is among the output columns (-1 when neither the export nor an event supplies it).</summary>
    public int TimePointOutput { get; }

    /// <summary>Whether the export has events (a longitudinal project); a classic project's rows are enrollments.</summary>
    public bool IsLongitudinal { get; }

    /// <summary>Header problems (they hold the batch).</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>Where record_type is among the output columns.</summary>
    public const int RecordTypeOutput = 0;

    /// <summary>An input column's role and where it goes (-1: nowhere).</summary>
    /// <param name="Role">What the column is.</param>
    /// <param name="Output">Its position among the output columns.</param>
    /// <param name="Code">For a checkbox column, the code it ticks.</param>
    public readonly record struct Column(RedcapColumnRole Role, int Output, string? Code = null);

    public static RedcapColumnPlan Build(IReadOnlyList<string> header, RedcapSettings settings, DataDictionary dictionary)
    {
        var problems = new List<FileProblem>();
        var output = new List<string> { DataDictionary.RecordTypeField };
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new Column[header.Count];
        var longitudinal = false;

        int OutputOf(string name)
        {
            if (!positions.TryGetValue(name, out var position))
            {
                position = output.Count;
                positions[name] = position;
                output.Add(name);
            }

            return position;
        }

        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (i == 0)
            {
                CheckRecordIdField(name, settings, problems);
                columns[i] = name is RedcapSettings.StudyIdName or RedcapSettings.RecordIdName
                    ? new Column(RedcapColumnRole.RecordId, OutputOf(DataDictionary.StudyIdField))
                    : new Column(RedcapColumnRole.Field, OutputOf(name));
                continue;
            }

            if (name == RedcapSystemColumns.EventName)
            {
                longitudinal = true;
                columns[i] = new Column(RedcapColumnRole.Event, -1);
            }
            else if (name == RedcapSystemColumns.RepeatInstrument)
            {
                columns[i] = new Column(RedcapColumnRole.RepeatInstrument, -1);
            }
            else if (RedcapSystemColumns.Ignored.Contains(name))
            {
                columns[i] = new Column(RedcapColumnRole.Ignored, -1);
            }
            else if (RedcapSystemColumns.Checkbox.TryParse(name, dictionary, out var checkbox))
            {
                columns[i] = new Column(RedcapColumnRole.Checkbox, OutputOf(checkbox.Field.Code), checkbox.Code);
            }
            else if (name == DataDictionary.RecordTypeField)
            {
                problems.Add(new FileProblem(ProblemCodes.DuplicateColumn,
                    "A REDCap export takes the record type from redcap_event_name (see settings.redcap.events): remove the record_type column.",
                    1, name));
                columns[i] = new Column(RedcapColumnRole.Ignored, -1);
            }
            else
            {
                // The same field both as a plain column and as checkbox columns would be two values for one field.
                if (positions.ContainsKey(name))
                {
                    problems.Add(new FileProblem(ProblemCodes.DuplicateColumn,
                        string.Create(CultureInfo.InvariantCulture, $"Column {i + 1} repeats a field that the export already has (as checkbox columns or under the record ID)."),
                        1, name));
                }

                columns[i] = new Column(RedcapColumnRole.Field, OutputOf(name));
            }
        }

        var timePointOutput = positions.GetValueOrDefault("time_point", -1);
        if (timePointOutput < 0 && longitudinal && settings.Events.Any(e => e.TimePoint is not null))
        {
            timePointOutput = OutputOf("time_point");
        }

        return new RedcapColumnPlan(header, columns, [.. output], timePointOutput, longitudinal, problems);
    }

    private static void CheckRecordIdField(string first, RedcapSettings settings, List<FileProblem> problems)
    {
        if (first == settings.RecordIdField)
        {
            return;
        }

        problems.Add(first is RedcapSettings.StudyIdName or RedcapSettings.RecordIdName
            ? new FileProblem(ProblemCodes.MissingColumn,
                $"The export's first field is {first}, but the registry is set to read {settings.RecordIdField} as the study ID: set settings.redcap.recordIdField to {first} in infra/registry.json, or rename the project's first field.",
                1, first)
            : new FileProblem(ProblemCodes.MissingColumn,
                $"A REDCap export starts with the project's record ID field, which must be {settings.RecordIdField} and hold the registry's study IDs.",
                1, DataDictionary.StudyIdField));
    }
}
