using System.Buffers;
using System.Globalization;
using System.Text;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// The RFC 4180 state machine. Fed blocks of characters, it returns the records they
/// complete; state carries across blocks so a quoted field may span any number of them.
/// </summary>
/// <remarks>
/// Two paths with one behaviour. At the start of a field, <see cref="ScanFields"/> takes
/// whole fields straight from the block (an empty one by its comma, an unquoted or simply
/// quoted one by searching for its end, its text sliced once), as long as each ends inside the
/// block, needs no unescaping and crosses no limit; anything else (a field running past the
/// block, a doubled or stray quote, a field or record at a limit, a line break) is stepped
/// character by character by <see cref="Step"/>, the state machine that defines the reader's
/// behaviour, whose defects, rows and lines the scan reproduces exactly.
/// </remarks>
internal sealed class CsvTokenizer
{
    private static readonly SearchValues<char> UnquotedSpecials = SearchValues.Create(",\r\n\"");

    // What the reader must look for in a record's fields: a decoder's replacement character
    // (invalid UTF-8) or NUL. A block without either spares the per-field search.
    private static readonly SearchValues<char> InvalidText = SearchValues.Create("\uFFFD\0");

    private readonly BatchReaderLimits _limits;
    private readonly StringBuilder _field = new();
    private readonly CellStringPool _strings = new();
    private readonly List<RecordDefect> _defects = [];
    private readonly List<TokenizedRecord> _completed = [];

    // The record's kept fields (the first _keptFields of the array, reused for every record).
    private string[] _fields = new string[16];
    private int _keptFields;

    private State _state = State.FieldStart;

    // A field taken whole from the block (by ScanFields, when a line break follows it): its
    // text, until the line break ends the field; null while the field is built in _field.
    private string? _wholeField;
    private bool _skipLineFeed;
    private bool _recordHasContent;
    private int _fieldLength;
    private int _fieldCount;
    private int _recordLength;
    private long _line = 1;
    private long _recordLine = 1;
    private int _row;

    // Whether the block being fed holds invalid text, and whether any block the current record
    // was read from did.
    private bool _blockHoldsInvalidText;
    private bool _recordMayHoldInvalidText;

    public CsvTokenizer(BatchReaderLimits limits) => _limits = limits;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterClosingQuote,
    }

    public IReadOnlyList<TokenizedRecord> Feed(ReadOnlySpan<char> block, bool endOfInput)
    {
        _completed.Clear();
        _blockHoldsInvalidText = block.ContainsAny(InvalidText);
        _recordMayHoldInvalidText |= _blockHoldsInvalidText;
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

            if (_state == State.FieldStart)
            {
                var scanned = ScanFields(block, i);
                if (scanned > i)
                {
                    i = scanned;
                    continue;
                }
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

            if (_recordHasContent || _keptFields > 0 || _state != State.FieldStart)
            {
                EndRecord();
            }
        }

        return _completed;
    }

    /// <summary>
    /// From the start of a field at <paramref name="start"/>, takes every field it can whole:
    /// an empty one (its comma), or an unquoted or quoted field whose terminator lies in the
    /// block, with no quote to unescape or reject and no limit reached (the terminator
    /// included). Each has exactly the effect of stepping its characters. It stops before a
    /// line break or any field it cannot take whole, leaving them to the state machine; a field
    /// ended by a line break is taken and left open, so the line break ends the record as
    /// usual. Returns where it stopped.
    /// </summary>
    private int ScanFields(ReadOnlySpan<char> block, int start)
    {
        var maxField = _limits.MaxFieldLength;
        var maxRecord = _limits.MaxRecordLength;
        var i = start;
        while (i < block.Length)
        {
            var c = block[i];
            if (c == ',')
            {
                if (_recordLength >= maxRecord)
                {
                    return i;
                }

                // An empty field (an empty first field still makes the row a record).
                _recordLength++;
                _recordHasContent = true;
                KeepField(string.Empty);
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                return i;
            }

            int length;
            int consumed;
            if (c == '"')
            {
                length = QuotedLength(block, i);
                consumed = length + 2;
            }
            else
            {
                length = UnquotedLength(block[i..]);
                consumed = length;
            }

            // Not whole in the block, needing the state machine, or too near a limit (the
            // terminator counts): stepped, so any defect is recorded where it always was.
            if (length < 0 || length > maxField || _recordLength + consumed + 1 > maxRecord)
            {
                return i;
            }

            var text = _strings.Get(c == '"' ? block.Slice(i + 1, length) : block.Slice(i, length));
            if (c == '"')
            {
                _line += block.Slice(i + 1, length).Count('\n');
            }

            _recordHasContent = true;
            i += consumed;
            if (block[i] == ',')
            {
                _recordLength += consumed + 1;
                KeepField(text);
                i++;
                continue;
            }

            // A line break follows: the field stays open, as the state machine leaves it after
            // its last character, and the line break is stepped.
            _recordLength += consumed;
            _fieldLength = length;
            _wholeField = text;
            _state = c == '"' ? State.QuoteInQuoted : State.Unquoted;
            return i;
        }

        return i;
    }

    /// <summary>
    /// The length of the unquoted field at the start of <paramref name="rest"/> when a comma
    /// or line break ends it in <paramref name="rest"/>; -1 when it runs to the end or holds a
    /// quote (a stray quote is the state machine's to report).
    /// </summary>
    private static int UnquotedLength(ReadOnlySpan<char> rest)
    {
        // Most cells are a few characters (codes, numbers, dates): a plain look at the first
        // ones costs less than a vectorised search's setup. Every special character sorts
        // at or before the comma, so most characters are passed by one comparison.
        const int Short = 16;
        var limit = Math.Min(rest.Length, Short);
        for (var j = 0; j < limit; j++)
        {
            var c = rest[j];
            if (c <= ',' && c is ',' or '\r' or '\n' or '"')
            {
                return c == '"' ? -1 : j;
            }
        }

        if (limit == rest.Length)
        {
            return -1;
        }

        var end = rest[limit..].IndexOfAny(UnquotedSpecials);
        return end < 0 || rest[limit + end] == '"' ? -1 : limit + end;
    }

    /// <summary>
    /// The length of the text inside the quoted field opening at <paramref name="open"/> when
    /// its closing quote is followed, in the block, by a comma or line break; -1 otherwise (a
    /// doubled quote to unescape, text after the closing quote, or an end beyond the block).
    /// </summary>
    private static int QuotedLength(ReadOnlySpan<char> block, int open)
    {
        var close = block[(open + 1)..].IndexOf('"');
        if (close < 0)
        {
            return -1;
        }

        var after = open + close + 2;
        return after < block.Length && block[after] is ',' or '\r' or '\n' ? close : -1;
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
        KeepField(_wholeField ?? FieldText());
        _wholeField = null;
        _field.Clear();
        _fieldLength = 0;
    }

    /// <summary>Ends a field of <paramref name="text"/>: counted, and kept up to the column limit.</summary>
    private void KeepField(string text)
    {
        // Fields beyond the column limit are counted (for the ragged-row message) but not kept.
        if (_keptFields <= _limits.MaxColumns)
        {
            if (_keptFields == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }

            _fields[_keptFields++] = text;
        }

        _fieldCount++;
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
        var fields = _fields.AsSpan(0, _keptFields);
        if (!blank && AllBlank(fields) && _defects.Count == 0)
        {
            // A row of only separators (",,,,") or whitespace is an empty spreadsheet row:
            // values are trimmed, so it carries no data.
            blank = true;
        }

        _completed.Add(new TokenizedRecord(_row, _recordLine, fields.ToArray(), _fieldCount, _defects.ToArray(), blank, _recordMayHoldInvalidText));
        _keptFields = 0;
        _recordMayHoldInvalidText = _blockHoldsInvalidText;
        _defects.Clear();
        _fieldCount = 0;
        _recordLength = 0;
        _recordHasContent = false;
        _state = State.FieldStart;
        _recordLine = _line;
    }

    private static bool AllBlank(ReadOnlySpan<string> fields)
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
