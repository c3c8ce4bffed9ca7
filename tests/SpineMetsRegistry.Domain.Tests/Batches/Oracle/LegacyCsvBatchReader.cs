using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Batches.Oracle;

/// <summary>
/// The CSV reader as it was before the scanning tokenizer (main at 1099251), kept unchanged
/// but for its names as the differential tests' oracle: the product reader must give the same
/// records, defects and file problems for any input (a reading rule changed on purpose is
/// changed here too, or this oracle and its differential test are retired). Original summary: an RFC 4180 CSV reader
/// that streams: comma separator, double-quote quoting with "" escapes, CRLF or LF line ends,
/// line breaks allowed inside quoted fields, UTF-8 with or without BOM. Deviations (stray
/// quotes, ragged rows, unterminated quotes, over-long fields, invalid UTF-8) become defects
/// of the record concerned; reading always continues so one report lists every problem.
/// </summary>
internal sealed class LegacyCsvBatchReader : IBatchReader
{
    private const int ByteBlockSize = 64 * 1024;
    private const char ReplacementChar = '\uFFFD';

    private readonly Stream _stream;
    private readonly BatchReaderLimits _limits;
    private readonly List<FileProblem> _fileProblems = [];
    private readonly List<BlankRun> _blankRuns = [];
    private bool _sawRecord;
    private string[]? _columns;

    // The header's real width: _columns stops at the column limit, rows are compared to this.
    private int _headerWidth;

    public LegacyCsvBatchReader(Stream stream, BatchReaderLimits limits)
    {
        _stream = stream;
        _limits = limits;
    }

    public IReadOnlyList<string>? Columns => _columns;

    public IReadOnlyList<FileProblem> FileProblems => _fileProblems;

    public IReadOnlyList<BlankRun> BlankRuns => _blankRuns;

    public async IAsyncEnumerable<RawRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ByteBlockSize);
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(ByteBlockSize));
        try
        {
            var tokenizer = new LegacyCsvTokenizer(_limits);
            var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
            var first = true;
            var anyByte = false;
            var pendingBlank = (FirstRow: 0, Count: 0);

            while (true)
            {
                var read = await BlockFill.FillAsync(_stream, bytes, ByteBlockSize, cancellationToken).ConfigureAwait(false);
                var start = 0;
                if (first)
                {
                    first = false;
                    anyByte = read > 0;
                    var (bom, problem) = Utf8Sniffer.Inspect(bytes.AsSpan(0, Math.Min(read, Utf8Sniffer.SniffLength)));
                    if (problem is not null)
                    {
                        _fileProblems.Add(problem);
                        yield break;
                    }

                    start = bom;
                }

                var flush = read == 0;
                var charCount = decoder.GetChars(bytes, start, read - start, chars, 0, flush);
                var records = tokenizer.Feed(chars.AsSpan(0, charCount), endOfInput: flush);
                foreach (var tokenized in records)
                {
                    var record = Accept(tokenized, ref pendingBlank);
                    if (record is not null)
                    {
                        yield return record;
                    }
                }

                if (flush)
                {
                    break;
                }
            }

            // Trailing blank rows (empty, whitespace-only or separators only, as spreadsheets
            // export them) are reported like blank rows between records, not dropped silently.
            if (pendingBlank.Count > 0 && _sawRecord)
            {
                _blankRuns.Add(new BlankRun(pendingBlank.FirstRow, pendingBlank.Count, AtEndOfFile: true));
            }

            if (!anyByte || (_columns is null && _fileProblems.Count == 0))
            {
                _fileProblems.Add(new FileProblem(ProblemCodes.EmptyFile, "The file is empty: it needs a header row of field codes and at least one record."));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private RawRecord? Accept(LegacyTokenizedRecord tokenized, ref (int FirstRow, int Count) pendingBlank)
    {
        if (tokenized.IsBlank)
        {
            // Blank rows before the header are ignored; blank rows between records are
            // reported once the next record shows they were not trailing.
            if (_columns is not null)
            {
                pendingBlank = pendingBlank.Count == 0 ? (tokenized.Row, 1) : (pendingBlank.FirstRow, pendingBlank.Count + 1);
            }

            return null;
        }

        if (_columns is null)
        {
            ReadHeader(tokenized);
            return null;
        }

        if (pendingBlank.Count > 0)
        {
            _blankRuns.Add(new BlankRun(pendingBlank.FirstRow, pendingBlank.Count));
            pendingBlank = (0, 0);
        }

        _sawRecord = true;

        // Most rows have no defect: the list is made only for one that has.
        List<RecordDefect>? defects = tokenized.Defects.Count > 0 ? [.. tokenized.Defects] : null;
        var values = tokenized.Fields;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].AsSpan().IndexOfAny(ReplacementChar, '\0') >= 0)
            {
                (defects ??= []).Add(new RecordDefect(
                    ProblemCodes.InvalidEncoding,
                    "The value contains bytes that are not valid UTF-8 (the file was probably saved as ANSI/Latin-1). Save it as 'CSV UTF-8'.",
                    ColumnName(i)));
            }
        }

        if (tokenized.FieldCountSeen != _headerWidth && !tokenized.Defects.Any(d => d.Code == ProblemCodes.UnterminatedQuote))
        {
            (defects ??= []).Add(new RecordDefect(
                ProblemCodes.RaggedRow,
                string.Create(CultureInfo.InvariantCulture, $"The row has {tokenized.FieldCountSeen} fields but the header has {_headerWidth}: check for an unquoted comma or a missing separator.")));
        }

        // A row no wider than the header pairs its values with the header's names in a view;
        // a wider one (a ragged-row defect) names its extra fields by position.
        IReadOnlyList<RawField> fields = values.Length <= _columns.Length
            ? new ColumnValueFields(_columns, values)
            : [.. values.Select((value, i) => new RawField(ColumnName(i), value))];
        return new RawRecord(tokenized.Row, tokenized.Line, fields, defects ?? (IReadOnlyList<RecordDefect>)[]);
    }

    private string ColumnName(int index) =>
        index < _columns!.Length ? _columns[index] : string.Create(CultureInfo.InvariantCulture, $"(column {index + 1})");

    private void ReadHeader(LegacyTokenizedRecord header)
    {
        if (header.Defects.Count > 0)
        {
            foreach (var defect in header.Defects)
            {
                _fileProblems.Add(new FileProblem(defect.Code, "Header row: " + defect.Message, header.Row));
            }
        }

        if (header.FieldCountSeen > _limits.MaxColumns)
        {
            _fileProblems.Add(new FileProblem(
                ProblemCodes.TooManyColumns,
                string.Create(CultureInfo.InvariantCulture, $"The header has {header.FieldCountSeen} columns; at most {_limits.MaxColumns} are accepted."),
                header.Row));
        }

        var columns = header.Fields.Select(f => f.Trim()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Length == 0)
            {
                _fileProblems.Add(new FileProblem(
                    ProblemCodes.EmptyColumnName,
                    string.Create(CultureInfo.InvariantCulture, $"Header cell {i + 1} is empty: every column needs a field code."),
                    header.Row));
                columns[i] = string.Create(CultureInfo.InvariantCulture, $"(column {i + 1})");
            }
            else if (!seen.Add(columns[i]))
            {
                _fileProblems.Add(new FileProblem(
                    ProblemCodes.DuplicateColumn,
                    string.Create(CultureInfo.InvariantCulture, $"Column {i + 1} repeats a column name that appears earlier in the header."),
                    header.Row,
                    columns[i]));
            }
        }

        _columns = columns;
        _headerWidth = header.FieldCountSeen;
    }
}

/// <summary>One CSV record as split by the tokenizer.</summary>
internal sealed record LegacyTokenizedRecord(int Row, long Line, string[] Fields, int FieldCountSeen, IReadOnlyList<RecordDefect> Defects, bool IsBlank);

/// <summary>
/// The RFC 4180 state machine. Fed blocks of characters, it returns the records they
/// complete; state carries across blocks so a quoted field may span any number of them.
/// </summary>
internal sealed class LegacyCsvTokenizer
{
    private static readonly SearchValues<char> UnquotedSpecials = SearchValues.Create(",\r\n\"");

    private readonly BatchReaderLimits _limits;
    private readonly StringBuilder _field = new();
    private readonly CellStringPool _strings = new();
    private readonly List<string> _fields = [];
    private readonly List<RecordDefect> _defects = [];
    private readonly List<LegacyTokenizedRecord> _completed = [];

    private State _state = State.FieldStart;

    // A field taken whole from the block (TryTakeWholeField): its text, until the terminator
    // that follows it ends the field; null while the field is built in _field.
    private string? _wholeField;
    private bool _skipLineFeed;
    private bool _recordHasContent;
    private int _fieldLength;
    private int _fieldCount;
    private int _recordLength;
    private long _line = 1;
    private long _recordLine = 1;
    private int _row;

    public LegacyCsvTokenizer(BatchReaderLimits limits) => _limits = limits;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterClosingQuote,
    }

    public IReadOnlyList<LegacyTokenizedRecord> Feed(ReadOnlySpan<char> block, bool endOfInput)
    {
        _completed.Clear();
        var i = 0;
        while (i < block.Length)
        {
            var c = block[i];
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (c == '\n')
                {
                    i++;
                    continue;
                }
            }

            if (_state == State.FieldStart && TryTakeWholeField(block[i..]) is var taken and > 0)
            {
                i += taken;
                continue;
            }

            var run = OrdinaryRunLength(block[i..]);
            if (run > 1)
            {
                // A run of characters that only extend the current field: taken in one step.
                AppendRun(block.Slice(i, run));
                i += run;
                continue;
            }

            Step(c);
            i++;
        }

        if (endOfInput)
        {
            if (_state == State.Quoted)
            {
                _defects.Add(new RecordDefect(
                    ProblemCodes.UnterminatedQuote,
                    "A quoted field is opened but never closed before the end of the file; every row after it was read as part of that field."));
            }

            if (_recordHasContent || _fields.Count > 0 || _state != State.FieldStart)
            {
                EndRecord();
            }
        }

        return _completed;
    }

    /// <summary>
    /// How many characters from the start of <paramref name="rest"/> the state machine would
    /// only append to the current field (no separator, line break or quote, and no limit
    /// crossed on the way): the fast path takes them in one step with exactly the effect of
    /// one <see cref="Step"/> each. Zero outside an unquoted or quoted field.
    /// </summary>
    private int OrdinaryRunLength(ReadOnlySpan<char> rest)
    {
        var run = _state switch
        {
            State.Unquoted => rest.IndexOfAny(UnquotedSpecials),
            State.Quoted => rest.IndexOfAny('"', '\n'),
            _ => 0,
        };
        if (run < 0)
        {
            run = rest.Length;
        }

        // Near a limit each character is stepped, so the defect is recorded exactly where it was.
        var room = Math.Min(_limits.MaxRecordLength - _recordLength, _limits.MaxFieldLength - _fieldLength);
        return Math.Min(run, Math.Max(room, 0));
    }

    /// <summary>
    /// At the start of a field, an unquoted field whose end (a comma or line break) lies in
    /// <paramref name="rest"/> and that crosses no limit is taken whole: its text becomes the
    /// field's string directly (no copy through the builder), then its terminator is stepped
    /// as usual. The effect is exactly that of stepping each character (the first one opens an
    /// unquoted field, the others only extend it). Returns the characters taken, the
    /// terminator excluded; zero when the field is anything else (quoted, empty, holding a
    /// quote, running past the block or near a limit), which the state machine then steps.
    /// </summary>
    private int TryTakeWholeField(ReadOnlySpan<char> rest)
    {
        // An empty field or a quoted one is stepped: known from its first character, without
        // a search (a wide export's rows are mostly empty fields).
        if (rest[0] is ',' or '"' or '\r' or '\n')
        {
            return 0;
        }

        var length = rest.IndexOfAny(UnquotedSpecials);
        if (length <= 0 || rest[length] == '"' || _field.Length > 0)
        {
            return 0;
        }

        var room = Math.Min(_limits.MaxRecordLength - _recordLength, _limits.MaxFieldLength - _fieldLength);
        if (length > room)
        {
            return 0;
        }

        _recordHasContent = true;
        _state = State.Unquoted;
        _recordLength += length;
        _fieldLength += length;
        _wholeField = _strings.Get(rest[..length]);
        return length;
    }

    private void AppendRun(ReadOnlySpan<char> run)
    {
        _recordLength += run.Length;
        _fieldLength += run.Length;
        _field.Append(run);
    }

    private void Step(char c)
    {
        _recordLength++;
        if (_recordLength == _limits.MaxRecordLength + 1)
        {
            _defects.Add(new RecordDefect(
                ProblemCodes.RecordTooLong,
                string.Create(CultureInfo.InvariantCulture, $"The record is longer than {_limits.MaxRecordLength} characters.")));
        }

        switch (_state)
        {
            case State.FieldStart:
                if (c == '"')
                {
                    _recordHasContent = true;
                    _state = State.Quoted;
                }
                else if (c == ',')
                {
                    // An empty first field still makes the row a record, not a blank line.
                    _recordHasContent = true;
                    EndField();
                }
                else if (!TryEndRecord(c))
                {
                    _recordHasContent = true;
                    Append(c);
                    _state = State.Unquoted;
                }

                break;

            case State.Unquoted:
                if (!TryEndFieldOrRecord(c))
                {
                    if (c == '"')
                    {
                        AddDefectOnce(ProblemCodes.InvalidQuote, "A double quote appears inside an unquoted field: quote the whole field and double the inner quote (\"\").");
                    }

                    Append(c);
                }

                break;

            case State.Quoted:
                if (c == '"')
                {
                    _state = State.QuoteInQuoted;
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append(c);
                }

                break;

            case State.QuoteInQuoted:
                if (c == '"')
                {
                    Append('"');
                    _state = State.Quoted;
                }
                else if (!TryEndFieldOrRecord(c))
                {
                    AddDefectOnce(ProblemCodes.InvalidQuote, "Text follows the closing quote of a field: the whole field must be inside the quotes.");
                    Append(c);
                    _state = State.AfterClosingQuote;
                }

                break;

            case State.AfterClosingQuote:
                if (!TryEndFieldOrRecord(c))
                {
                    Append(c);
                }

                break;
        }
    }

    /// <summary>Ends the field on a comma or the record on a line break; false for any other character.</summary>
    private bool TryEndFieldOrRecord(char c)
    {
        if (c != ',')
        {
            return TryEndRecord(c);
        }

        EndField();
        _state = State.FieldStart;
        return true;
    }

    /// <summary>Ends the record on a line break; false for any other character.</summary>
    private bool TryEndRecord(char c)
    {
        if (!IsLineBreak(c))
        {
            return false;
        }

        EndLine(c);
        EndRecord();
        return true;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r';

    private void EndLine(char c)
    {
        _line++;
        _skipLineFeed = c == '\r';
    }

    private void Append(char c)
    {
        _fieldLength++;
        if (_fieldLength <= _limits.MaxFieldLength)
        {
            _field.Append(c);
        }
        else if (_fieldLength == _limits.MaxFieldLength + 1)
        {
            _defects.Add(new RecordDefect(
                ProblemCodes.FieldTooLong,
                string.Create(CultureInfo.InvariantCulture, $"Field {_fieldCount + 1} is longer than {_limits.MaxFieldLength} characters.")));
        }
    }

    private void AddDefectOnce(string code, string message)
    {
        if (!_defects.Any(d => d.Code == code))
        {
            _defects.Add(new RecordDefect(code, message));
        }
    }

    private void EndField()
    {
        // Fields beyond the column limit are counted (for the ragged-row message) but not kept.
        if (_fields.Count <= _limits.MaxColumns)
        {
            _fields.Add(_wholeField ?? FieldText());
        }

        _fieldCount++;
        _wholeField = null;
        _field.Clear();
        _fieldLength = 0;
    }

    /// <summary>The field built in <see cref="_field"/> as a string (a short one from the pool).</summary>
    private string FieldText()
    {
        if (_field.Length == 0 || _field.Length > CellStringPool.MaxPooledLength)
        {
            return _field.ToString();
        }

        Span<char> text = stackalloc char[CellStringPool.MaxPooledLength];
        _field.CopyTo(0, text, _field.Length);
        return _strings.Get(text[.._field.Length]);
    }

    private void EndRecord()
    {
        var blank = !_recordHasContent;
        EndField();
        _row++;
        if (!blank && AllBlank(_fields) && _defects.Count == 0)
        {
            // A row of only separators (",,,,") or whitespace is an empty spreadsheet row:
            // values are trimmed, so it carries no data.
            blank = true;
        }

        _completed.Add(new LegacyTokenizedRecord(_row, _recordLine, _fields.ToArray(), _fieldCount, _defects.ToArray(), blank));
        _fields.Clear();
        _defects.Clear();
        _fieldCount = 0;
        _recordLength = 0;
        _recordHasContent = false;
        _state = State.FieldStart;
        _recordLine = _line;
    }

    private static bool AllBlank(List<string> fields)
    {
        foreach (var field in fields)
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                return false;
            }
        }

        return true;
    }
}
