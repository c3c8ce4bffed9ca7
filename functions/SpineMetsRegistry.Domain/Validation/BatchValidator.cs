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
    /// <summary>Whether any record of the batch will be stored.</summary>
    public bool StoresRecords => Summary.Decision is BatchDecision.Accepted or BatchDecision.PartiallyAccepted;
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

    /// <summary>Creates a validator for one batch.</summary>
    public BatchValidator(BatchValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _recordValidator = new RecordValidator(context);
    }

    /// <summary>First pass: validates every record and streams the problems to <paramref name="sink"/>.</summary>
    public async Task<BatchValidationOutcome> ValidateAsync(Stream content, BatchFormat format, IValidationReportSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sink);
        var tally = new Tally();
        var reader = BatchReaders.Open(content, format, _context.ReaderLimits);
        var consistency = new BatchConsistencyChecker(_context.KnownPatients);
        var unknownColumns = new HashSet<string>(StringComparer.Ordinal);
        var columnsChecked = false;

        await foreach (var raw in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!columnsChecked && reader.Columns is { } header)
            {
                columnsChecked = true;
                await ReportAsync(CheckHeader(header), sink, tally, cancellationToken).ConfigureAwait(false);
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

        return new BatchValidationOutcome(tally.Summarise(_context), tally.ErrorRows);
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

        var reader = BatchReaders.Open(content, format, _context.ReaderLimits);
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
        foreach (var column in columns.Where(c => !_context.Dictionary.TryGetField(c, out _) && !c.StartsWith("(column ", StringComparison.Ordinal)))
        {
            yield return UnknownColumn(1, column);
        }

        foreach (var required in new[] { DataDictionary.RecordTypeField, DataDictionary.StudyIdField }.Where(r => !columns.Contains(r, StringComparer.Ordinal)))
        {
            yield return ValidationProblem.Structural(1, required, ProblemCodes.MissingColumn,
                $"The header has no {required} column; every record needs one.");
        }
    }

    private IEnumerable<ValidationProblem> CheckKeys(RawRecord raw, HashSet<string> reported)
    {
        foreach (var field in raw.Fields)
        {
            if (field.Column != JsonLinesBatchReader.UnparsedLineColumn
                && !_context.Dictionary.TryGetField(field.Column, out _)
                && reported.Add(field.Column))
            {
                yield return UnknownColumn(raw.Row, field.Column);
            }
        }
    }

    private static ValidationProblem UnknownColumn(int row, string column) =>
        ValidationProblem.Structural(row, column, ProblemCodes.UnknownColumn,
            "This column is not a field of the data dictionary. Rename it to a field code or remove it; the registry never drops data silently, so the batch is held.");

    private static ValidationProblem BlankRunWarning(BlankRun run) =>
        ValidationProblem.Warning(run.FirstRow, null, ProblemCodes.BlankRow, run.Count == 1
            ? "A blank row between records was skipped."
            : string.Create(CultureInfo.InvariantCulture, $"{run.Count} blank rows between records were skipped."));

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

        public void Count(ValidationProblem problem)
        {
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
            var held = Structural || (context.RowPolicy == InvalidRowPolicy.HoldWholeBatch && Errors > 0);
            var acceptedByType = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var kind in Enum.GetValues<RecordKind>())
            {
                // A row that passed on its own can still fail a check across rows.
                var valid = RowsOf(kind);
                var accepted = held ? 0 : valid.Count - valid.CountCommon(ErrorRows);
                acceptedByType[kind.ToCode()] = accepted;
            }

            var acceptedTotal = acceptedByType.Values.Sum();
            var decision = held ? BatchDecision.Held
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
            };
        }
    }
}
