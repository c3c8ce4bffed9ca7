using System.Globalization;
using System.Runtime.CompilerServices;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>The result of validating a batch: the summary, and which rows will not be stored.</summary>
/// <param name="Summary">Counts and the decision.</param>
/// <param name="RejectedRows">Rows with errors (not stored even when the batch is accepted).</param>
public sealed record BatchValidationOutcome(BatchValidationSummary Summary, RowSet RejectedRows)
{
    private IReadOnlyDictionary<string, DateOnly>? _batchIndexDates;
    private IKnownPatients? _known;

    /// <summary>Whether any record of the batch will be stored.</summary>
    public bool StoresRecords => Summary.Decision is BatchDecision.Accepted or BatchDecision.PartiallyAccepted;

    /// <summary>
    /// The index date of a patient, from the batch's own enrollments or the registry, when
    /// known. Collected only under the SafeHarbor date policy, where visit dates must be
    /// converted to days from index before storing.
    /// </summary>
    public DateOnly? IndexDateOf(string studyId)
    {
        if (_batchIndexDates is not null && _batchIndexDates.TryGetValue(studyId, out var date))
        {
            return date;
        }

        return _known is not null && _known.TryGet(studyId, out var patient) ? patient.IndexDate : null;
    }

    internal BatchValidationOutcome WithIndexDates(IReadOnlyDictionary<string, DateOnly>? batchIndexDates, IKnownPatients? known)
    {
        _batchIndexDates = batchIndexDates;
        _known = known;
        return this;
    }
}

/// <summary>
/// Validates a whole batch in one streaming pass and reports every problem at once, then
/// (second pass, over the same immutable bytes) yields the records to store. Memory stays
/// flat in the file size: rows are never kept, only bitmaps of row numbers and a compact
/// state per patient for the checks across rows.
/// </summary>
public sealed class BatchValidator
{
    private readonly BatchValidationContext _context;
    private readonly RecordValidator _recordValidator;
    private readonly Deidentification.DeidentificationGate? _gate;

    /// <summary>Creates a validator for one batch.</summary>
    public BatchValidator(BatchValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _gate = context.Scanner is null ? null : new Deidentification.DeidentificationGate(context.Scanner, context.StudyIdPattern?.ToString(), context.Dictionary);
        _recordValidator = new RecordValidator(context, _gate);
    }

    /// <summary>First pass: validates every record and streams the problems to <paramref name="sink"/>.</summary>
    public async Task<BatchValidationOutcome> ValidateAsync(Stream content, BatchFormat format, IValidationReportSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sink);
        var tally = new Tally();
        var reader = BatchReaders.Open(content, format, _context.ReaderLimits, _context.Redcap, _context.Dictionary);
        using var consistency = new BatchConsistencyChecker(_context.KnownPatients, _context.SpillStreamFactory, BatchConsistencyChecker.SpillThreshold, _context.DatePolicy, _context.FollowUpProtocol);
        var indexDates = _context.DatePolicy == Deidentification.DatePolicy.SafeHarbor ? new Dictionary<string, DateOnly>(StringComparer.Ordinal) : null;
        var unknownColumns = new HashSet<string>(StringComparer.Ordinal);
        var columnsChecked = false;

        await foreach (var raw in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!columnsChecked && reader.Columns is { } header)
            {
                columnsChecked = true;
                await ReportAsync(CheckHeader(header), sink, tally, cancellationToken).ConfigureAwait(false);
            }

            if (reader is Batches.Redcap.RedcapBatchReader { IsRefused: true })
            {
                // A refused REDCap labels export has no records, but what it holds still
                // passes the gate: an identifier in it quarantines the file.
                await ReportAsync(_recordValidator.ScanForIdentifiers(raw), sink, tally, cancellationToken).ConfigureAwait(false);
                continue;
            }

            tally.Records++;
            if (reader.Columns is null)
            {
                await ReportAsync(CheckKeys(raw, unknownColumns), sink, tally, cancellationToken).ConfigureAwait(false);
            }

            var validation = _recordValidator.Validate(raw);
            await ReportAsync(validation.Problems, sink, tally, cancellationToken).ConfigureAwait(false);
            if (validation.Record is { } record)
            {
                consistency.Observe(record);
                tally.RowsOf(record.Kind).Add(record.Row);
                if (indexDates is not null && record.GetDate("index_date") is { } indexDate)
                {
                    indexDates.TryAdd(record.StudyId, indexDate);
                }
            }
        }

        if (!columnsChecked && reader.Columns is { } onlyHeader)
        {
            await ReportAsync(CheckHeader(onlyHeader), sink, tally, cancellationToken).ConfigureAwait(false);
        }

        await ReportAsync(reader.FileProblems.Select(p => ValidationProblem.Structural(p.Row, p.Column, p.Code, p.Message)), sink, tally, cancellationToken).ConfigureAwait(false);
        if (tally.Records == 0 && reader.FileProblems.Count == 0)
        {
            await ReportAsync([ValidationProblem.Structural(0, null, ProblemCodes.NoRecords, "The file has a header but no records: nothing would be imported.")], sink, tally, cancellationToken).ConfigureAwait(false);
        }

        await ReportAsync(reader.BlankRuns.Select(BlankRunWarning), sink, tally, cancellationToken).ConfigureAwait(false);
        await ReportAsync(consistency.Complete().Select(WithSafeStudyId), sink, tally, cancellationToken).ConfigureAwait(false);

        return new BatchValidationOutcome(tally.Summarise(_context), tally.ErrorRows).WithIndexDates(indexDates, _context.KnownPatients);
    }

    /// <summary>
    /// Second pass: yields the records to store, in file order. Yields nothing when the
    /// batch is held or rejected. <paramref name="content"/> must be the same bytes as in
    /// the first pass (the pipeline reads the immutable raw copy).
    /// </summary>
    public async IAsyncEnumerable<RegistryRecord> ReadAcceptedAsync(
        Stream content,
        BatchFormat format,
        BatchValidationOutcome outcome,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.StoresRecords)
        {
            yield break;
        }

        var reader = BatchReaders.Open(content, format, _context.ReaderLimits, _context.Redcap, _context.Dictionary);
        await foreach (var raw in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (outcome.RejectedRows.Contains(raw.Row))
            {
                continue;
            }

            var validation = _recordValidator.Validate(raw);
            yield return validation.Record
                ?? throw new InvalidOperationException("The batch content changed between validation and storing; it must be read from the immutable raw copy.");
        }
    }

    /// <summary>
    /// As for single-row problems (<see cref="RecordValidator"/>), a report shows a study ID
    /// only when it matches the site's pattern: without a pattern any value could be a
    /// hospital number.
    /// </summary>
    private ValidationProblem WithSafeStudyId(ValidationProblem problem) =>
        problem.StudyId is { } studyId && _context.StudyIdPattern?.IsMatch(studyId) == true ? problem : problem with { StudyId = null };

    private IEnumerable<ValidationProblem> CheckHeader(IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.StartsWith(ByteOrderMarkChar))
            {
                yield return ByteOrderMark(1, column, i + 1);
            }
            else if (column.Contains('\uFFFD', StringComparison.Ordinal))
            {
                yield return ValidationProblem.Structural(1, string.Create(CultureInfo.InvariantCulture, $"(column {i + 1})"), ProblemCodes.InvalidEncoding,
                    "This column name contains bytes that are not valid UTF-8 (the file was probably saved as ANSI/Latin-1). Save it as 'CSV UTF-8'; the batch is held.");
            }
            else if (ControlCharacters.FirstIn(column) is { } control)
            {
                yield return ValidationProblem.Structural(1, string.Create(CultureInfo.InvariantCulture, $"(column {i + 1})"), ProblemCodes.ControlCharacter,
                    $"This column name contains an invisible control or formatting character ({ControlCharacters.Describe(control)}); the batch is held.");
            }
            else if (!_context.Dictionary.TryGetField(column, out _) && !column.StartsWith("(column ", StringComparison.Ordinal))
            {
                yield return UnknownColumn(1, SafeColumnName(column, i + 1));
            }
        }

        foreach (var finding in _gate?.InspectColumns(1, columns) ?? [])
        {
            yield return finding;
        }

        foreach (var required in new[] { DataDictionary.RecordTypeField, DataDictionary.StudyIdField }.Where(r => !columns.Contains(r, StringComparer.Ordinal)))
        {
            yield return ValidationProblem.Structural(1, required, ProblemCodes.MissingColumn,
                $"The header has no {required} column; every record needs one.");
        }
    }

    private IEnumerable<ValidationProblem> CheckKeys(RawRecord raw, HashSet<string> reported)
    {
        for (var i = 0; i < raw.Fields.Count; i++)
        {
            var key = raw.Fields[i].Column;
            if (key != JsonLinesBatchReader.UnparsedLineColumn
                && !_context.Dictionary.TryGetField(key, out _)
                && reported.Add(key))
            {
                yield return key.StartsWith(ByteOrderMarkChar) ? ByteOrderMark(raw.Row, key, i + 1) : UnknownColumn(raw.Row, SafeColumnName(key, i + 1));
                foreach (var finding in _gate?.InspectColumns(raw.Row, [key]) ?? [])
                {
                    yield return finding;
                }
            }
        }
    }

    /// <summary>A column name as a report may show it (see <see cref="Deidentification.DeidentificationGate.SafeColumnName"/>).</summary>
    private string SafeColumnName(string column, int position) => _gate?.SafeColumnName(column, position) ?? column;

    private const char ByteOrderMarkChar = '\uFEFF';

    // Named without the invisible character, so the report does not show a column that looks
    // exactly like a known field.
    private ValidationProblem ByteOrderMark(int row, string column, int position)
    {
        var visible = column.TrimStart(ByteOrderMarkChar);
        var known = _context.Dictionary.TryGetField(visible, out _);
        return ValidationProblem.Structural(row, known ? visible : SafeColumnName(visible, position), ProblemCodes.ByteOrderMark,
            known
                ? "This column name starts with a byte order mark (U+FEFF, invisible): the file has a second BOM, or two files were joined. Save the file once as 'CSV UTF-8'; the batch is held."
                : "This column name starts with a byte order mark (U+FEFF, invisible) and is not a field of the data dictionary either. Save the file once as 'CSV UTF-8'; the batch is held.");
    }

    private static ValidationProblem UnknownColumn(int row, string column) =>
        ValidationProblem.Structural(row, column, ProblemCodes.UnknownColumn,
            "This column is not a field of the data dictionary. Rename it to a field code or remove it; the registry never drops data silently, so the batch is held.");

    private static ValidationProblem BlankRunWarning(BlankRun run) =>
        ValidationProblem.Warning(run.FirstRow, null, ProblemCodes.BlankRow, (run.Count, run.AtEndOfFile) switch
        {
            (1, false) => "A blank row between records was skipped.",
            (1, true) => "A blank row at the end of the file was skipped.",
            (_, false) => string.Create(CultureInfo.InvariantCulture, $"{run.Count} blank rows between records were skipped."),
            _ => string.Create(CultureInfo.InvariantCulture, $"{run.Count} blank rows at the end of the file were skipped."),
        });

    private static async Task ReportAsync(IEnumerable<ValidationProblem> problems, IValidationReportSink sink, Tally tally, CancellationToken cancellationToken)
    {
        foreach (var problem in problems)
        {
            tally.Count(problem);
            await sink.AddAsync(problem, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Running counts; row sets are bitmaps so they stay small.</summary>
    private sealed class Tally
    {
        private readonly RowSet _warningRows = new();
        private readonly Dictionary<string, int> _byCode = new(StringComparer.Ordinal);
        private readonly RowSet[] _validRowsByKind = [new(), new(), new()];

        public int Records { get; set; }

        public RowSet ErrorRows { get; } = new();

        private int Errors { get; set; }

        private int Warnings { get; set; }

        private bool Structural { get; set; }

        public RowSet RowsOf(RecordKind kind) => _validRowsByKind[(int)kind];

        private int IdentifierFindings { get; set; }

        public void Count(ValidationProblem problem)
        {
            if (problem.IsIdentifier && problem.Severity == Severity.Error)
            {
                IdentifierFindings++;
            }

            _byCode[problem.Code] = _byCode.GetValueOrDefault(problem.Code) + 1;
            Structural |= problem.IsStructural;
            if (problem.Severity == Severity.Error)
            {
                Errors++;
                if (problem.Row > 0 && !problem.IsStructural)
                {
                    ErrorRows.Add(problem.Row);
                }
            }
            else
            {
                Warnings++;

                // A blank row is not a record, so it does not count as a record with warnings.
                if (problem.Row > 0 && problem.Code != ProblemCodes.BlankRow)
                {
                    _warningRows.Add(problem.Row);
                }
            }
        }

        public BatchValidationSummary Summarise(BatchValidationContext context)
        {
            var quarantined = IdentifierFindings > 0;
            var held = quarantined || Structural || (context.RowPolicy == InvalidRowPolicy.HoldWholeBatch && Errors > 0);
            var acceptedByType = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var kind in Enum.GetValues<RecordKind>())
            {
                // A row that passed on its own can still fail a check across rows.
                var valid = RowsOf(kind);
                var accepted = held ? 0 : valid.Count - valid.CountCommon(ErrorRows);
                acceptedByType[kind.ToCode()] = accepted;
            }

            var acceptedTotal = acceptedByType.Values.Sum();
            var decision = quarantined ? BatchDecision.Quarantined
                : held ? BatchDecision.Held
                : acceptedTotal == 0 ? BatchDecision.Rejected
                : acceptedTotal < Records ? BatchDecision.PartiallyAccepted
                : BatchDecision.Accepted;

            return new BatchValidationSummary
            {
                Records = Records,
                Accepted = acceptedTotal,
                Rejected = Records - acceptedTotal,
                RecordsWithErrors = ErrorRows.Count,
                RecordsWithWarnings = _warningRows.Count,
                Errors = Errors,
                Warnings = Warnings,
                HasStructuralProblems = Structural,
                Decision = decision,
                Policy = context.RowPolicy,
                AcceptedByRecordType = acceptedByType,
                ProblemsByCode = _byCode,
                CrossBatchChecksRan = context.KnownPatients is not null,
                IdentifierFindings = IdentifierFindings,
            };
        }
    }
}
