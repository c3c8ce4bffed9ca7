using System.Runtime.CompilerServices;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Batches.Redcap;

/// <summary>
/// Reads a REDCap "raw" records export as a registry batch, so the export is accepted as
/// it is: the record ID field becomes study_id, <c>redcap_event_name</c> gives the record
/// type and time point (<see cref="RedcapSettings.Events"/>), REDCap's system columns are
/// dropped by an explicit list, and <c>field___code</c> checkbox columns fold into the
/// field's code list. A "labels" export earns one specific error and no record is read
/// from it; its rows are still yielded, marked <see cref="IsRefused"/>, so the
/// de-identification gate scans them (a refused file is held, and kept, like any other).
/// In detecting mode (any .csv file) a header that is not REDCap's passes through untouched.
/// </summary>
internal sealed class RedcapBatchReader : IBatchReader
{
    private readonly CsvBatchReader _csv;
    private readonly RedcapSettings _settings;
    private readonly DataDictionary _dictionary;
    private readonly bool _detect;
    private readonly List<FileProblem> _problems = [];
    private RedcapColumnPlan? _plan;
    private bool _passThrough;

    // A labels export is refused as a whole: the reader's own header findings (REDCap repeats
    // "Complete?" once per form) would only bury the one thing to do.
    private bool _labels;

    public RedcapBatchReader(Stream stream, BatchReaderLimits limits, RedcapSettings settings, DataDictionary dictionary, bool detect)
    {
        _csv = new CsvBatchReader(stream, limits);
        _settings = settings;
        _dictionary = dictionary;
        _detect = detect;
    }

    /// <summary>The registry columns the export is read as (the export's own header when it is not REDCap's); null for a labels export.</summary>
    public IReadOnlyList<string>? Columns => _passThrough ? _csv.Columns : _plan?.OutputColumns;

    public IReadOnlyList<FileProblem> FileProblems => _labels ? _problems : _problems.Count == 0 ? _csv.FileProblems : [.. _problems, .. _csv.FileProblems];

    public IReadOnlyList<BlankRun> BlankRuns => _csv.BlankRuns;

    /// <summary>
    /// Whether the file was refused as a labels export: the rows yielded are then its raw
    /// rows, for the identifier scan only (they are not records).
    /// </summary>
    public bool IsRefused => _labels;

    public async IAsyncEnumerable<RawRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = true;
        await foreach (var record in _csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (first)
            {
                first = false;
                if (Classify(_csv.Columns!))
                {
                    RefuseLabelValues(record);
                }
            }

            yield return _passThrough || _labels ? record : Translate(record);
        }

        // A header-only file is classified too, so its header problems are reported.
        if (first && _csv.Columns is { } header)
        {
            Classify(header);
        }
    }

    /// <summary>Decides from the header how to read the file; false when it is a labels export (its rows are then only scanned for identifiers).</summary>
    private bool Classify(IReadOnlyList<string> header)
    {
        if (RedcapSystemColumns.IsLabelHeader(header, _dictionary))
        {
            RefuseLabels();
            return false;
        }

        if (_detect && !RedcapSystemColumns.IsRawHeader(header, _dictionary))
        {
            _passThrough = true;
            return true;
        }

        _plan = RedcapColumnPlan.Build(header, _settings, _dictionary);
        _problems.AddRange(_plan.Problems);
        return true;
    }

    /// <summary>Refuses a raw-headed export whose first record holds labels (REDCap's API can export label values under variable names).</summary>
    private void RefuseLabelValues(RawRecord record)
    {
        if (_passThrough || !RedcapSystemColumns.HasLabelValues(record))
        {
            return;
        }

        _plan = null;
        _problems.Clear();
        RefuseLabels();
    }

    private void RefuseLabels()
    {
        _labels = true;
        _problems.Add(new FileProblem(
            ProblemCodes.RedcapLabelsExport,
            "This is a REDCap \"labels\" export (choice labels or field labels instead of codes and variable names). Export the records again as raw data: in REDCap choose \"CSV / Microsoft Excel (raw data)\" (API: rawOrLabel=raw, rawOrLabelHeaders=raw). No record of this file was read.",
            1));
    }

    private RawRecord Translate(RawRecord record)
    {
        var plan = _plan!;
        var values = new string[plan.OutputColumns.Count];
        Array.Fill(values, string.Empty);
        var defects = new List<RecordDefect>(record.Defects);
        var extra = new List<RawField>();
        string? eventName = null;

        for (var i = 0; i < record.Fields.Count; i++)
        {
            var (column, value) = record.Fields[i];
            if (i >= plan.Columns.Count)
            {
                // Cells beyond the header (a ragged row, already a defect) are kept so the gate still scans them.
                extra.Add(record.Fields[i]);
                continue;
            }

            var role = plan.Columns[i];
            switch (role.Role)
            {
                case RedcapColumnRole.Field or RedcapColumnRole.RecordId:
                    values[role.Output] = value;
                    break;
                case RedcapColumnRole.Event:
                    eventName = value.Trim();
                    break;
                case RedcapColumnRole.RepeatInstrument when value.Trim().Length > 0:
                    defects.Add(RepeatingInstrument(value.Trim()));
                    break;
                case RedcapColumnRole.Checkbox:
                    FoldCheckbox(column, value.Trim(), role, values, defects);
                    break;
            }
        }

        values[RedcapColumnPlan.RecordTypeOutput] = plan.IsLongitudinal ? MapEvent(eventName ?? string.Empty, values, defects) : "enrollment";

        var fields = new List<RawField>(values.Length + extra.Count);
        for (var i = 0; i < values.Length; i++)
        {
            fields.Add(new RawField(plan.OutputColumns[i], values[i]));
        }

        fields.AddRange(extra);
        return new RawRecord(record.Row, record.Line, fields, defects);
    }

    /// <summary>The record type of an event; fills in (or checks) the time point the event stands for.</summary>
    private string MapEvent(string eventName, string[] values, List<RecordDefect> defects)
    {
        var mapping = _settings.FindEvent(eventName);
        if (mapping is null)
        {
            defects.Add(UnmappedEvent(eventName));
            return string.Empty;
        }

        var timePointAt = _plan!.TimePointOutput;
        if (mapping.TimePoint is { } timePoint && timePointAt >= 0)
        {
            var written = values[timePointAt].Trim();
            if (written.Length == 0)
            {
                values[timePointAt] = timePoint;
            }
            else if (!string.Equals(written, timePoint, StringComparison.OrdinalIgnoreCase))
            {
                defects.Add(new RecordDefect(ProblemCodes.ConflictingValues,
                    $"The row is in event {mapping.Event}, which is the {timePoint} visit, but its time_point says otherwise: correct time_point (or leave it empty) or move the data to the right event.",
                    "time_point"));
            }
        }

        return mapping.RecordType;
    }

    private RecordDefect UnmappedEvent(string eventName)
    {
        var known = string.Join(", ", _settings.Events.Select(e => e.Event));
        var message = eventName.Length == 0
            ? $"redcap_event_name is empty: every row of a longitudinal export belongs to an event ({known})."
            : RedcapSettings.IsEventNameShape(eventName)
                ? $"The event {eventName} is not in the registry's event map ({known}): add it to settings.redcap.events in infra/registry.json, or enter the data in a mapped event."
                : $"The event name is not a REDCap unique event name and is not in the registry's event map ({known}). Export raw data, which writes unique event names such as week_6_arm_1.";
        return new RecordDefect(ProblemCodes.RedcapUnmappedEvent, message, RedcapSystemColumns.EventName);
    }

    private static RecordDefect RepeatingInstrument(string instrument)
    {
        var form = Dictionary.Export.RedcapDictionaryWriter.FormNames.Contains(instrument, StringComparer.Ordinal) ? instrument : "a repeating instrument";
        return new RecordDefect(ProblemCodes.RedcapRepeatingInstrument,
            $"The row is an instance of {form} set up as a repeating instrument. The registry keeps one record per event (one enrollment, one follow-up per time point), so repeating instances are not imported: turn off 'Repeating instruments' for the registry's forms and enter each visit in its event. This row is not stored.",
            RedcapSystemColumns.RepeatInstrument);
    }

    private static void FoldCheckbox(string column, string value, RedcapColumnPlan.Column role, string[] values, List<RecordDefect> defects)
    {
        switch (value)
        {
            case "1":
                values[role.Output] = values[role.Output].Length == 0 ? role.Code! : values[role.Output] + ";" + role.Code;
                break;
            case "0" or "":
                break;
            default:
                defects.Add(new RecordDefect(ProblemCodes.InvalidCode,
                    "A checkbox column of a raw REDCap export holds 1 (ticked) or 0 (not ticked).",
                    column));
                break;
        }
    }
}
