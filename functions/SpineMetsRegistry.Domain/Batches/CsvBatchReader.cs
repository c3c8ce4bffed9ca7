using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// An RFC 4180 CSV reader that streams: comma separator, double-quote quoting with ""
/// escapes, CRLF or LF line ends, line breaks allowed inside quoted fields, UTF-8 with or
/// without BOM. Deviations (stray quotes, ragged rows, unterminated quotes, over-long
/// fields, invalid UTF-8) become defects of the record concerned; reading always continues
/// so one report lists every problem.
/// </summary>
internal sealed class CsvBatchReader : IBatchReader
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

    private readonly int _blockSize;

    public CsvBatchReader(Stream stream, BatchReaderLimits limits)
        : this(stream, limits, ByteBlockSize)
    {
    }

    /// <summary>
    /// A reader taking the file in blocks of <paramref name="blockSize"/> bytes (the first at
    /// least <see cref="Utf8Sniffer.SniffLength"/>, so the encoding sniff sees as much): tests
    /// use small blocks so fields, quotes, line ends and characters straddle block boundaries.
    /// </summary>
    internal CsvBatchReader(Stream stream, BatchReaderLimits limits, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _stream = stream;
        _limits = limits;
        _blockSize = blockSize;
    }

    public IReadOnlyList<string>? Columns => _columns;

    public IReadOnlyList<FileProblem> FileProblems => _fileProblems;

    public IReadOnlyList<BlankRun> BlankRuns => _blankRuns;

    public async IAsyncEnumerable<RawRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var firstBlock = Math.Max(_blockSize, Utf8Sniffer.SniffLength);
        var bytes = ArrayPool<byte>.Shared.Rent(firstBlock);
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(firstBlock));
        try
        {
            var tokenizer = new CsvTokenizer(_limits);
            var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
            var first = true;
            var anyByte = false;
            var pendingBlank = (FirstRow: 0, Count: 0);

            while (true)
            {
                var read = await BlockFill.FillAsync(_stream, bytes, first ? firstBlock : _blockSize, cancellationToken).ConfigureAwait(false);
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

    private RawRecord? Accept(TokenizedRecord tokenized, ref (int FirstRow, int Count) pendingBlank)
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
        for (var i = 0; tokenized.MayHoldInvalidText && i < values.Length; i++)
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

    private void ReadHeader(TokenizedRecord header)
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
