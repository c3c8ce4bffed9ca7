using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// Streams JSON Lines: one JSON object per line (LF or CRLF), keys are field codes, values
/// are strings, numbers, booleans or null (= missing); an array of scalars is joined with
/// semicolons (for multi-valued fields such as lesion levels). Lines are bounded by
/// <see cref="BatchReaderLimits.MaxRecordLength"/> bytes, so memory stays flat.
/// </summary>
internal sealed class JsonLinesBatchReader : IBatchReader
{
    /// <summary>The pseudo-column holding the text of a line that is not a JSON object, so the
    /// de-identification gate can still scan it.</summary>
    public const string UnparsedLineColumn = "(line)";

    private const int ByteBlockSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly BatchReaderLimits _limits;
    private readonly List<FileProblem> _fileProblems = [];
    private readonly List<BlankRun> _blankRuns = [];

    public JsonLinesBatchReader(Stream stream, BatchReaderLimits limits)
    {
        _stream = stream;
        _limits = limits;
    }

    public IReadOnlyList<string>? Columns => null;

    public IReadOnlyList<FileProblem> FileProblems => _fileProblems;

    public IReadOnlyList<BlankRun> BlankRuns => _blankRuns;

    public async IAsyncEnumerable<RawRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var block = ArrayPool<byte>.Shared.Rent(ByteBlockSize);
        var line = new ArrayBufferWriter<byte>(1024);
        try
        {
            var lineNumber = 0;
            var overlong = false;
            var first = true;
            var anyRecord = false;
            var pendingBlank = (FirstRow: 0, Count: 0);

            while (true)
            {
                var read = await BlockFill.FillAsync(_stream, block, ByteBlockSize, cancellationToken).ConfigureAwait(false);
                var span = block.AsSpan(0, read);
                if (first)
                {
                    first = false;
                    var (bom, problem) = Utf8Sniffer.Inspect(span[..Math.Min(read, Utf8Sniffer.SniffLength)]);
                    if (problem is not null)
                    {
                        _fileProblems.Add(problem);
                        yield break;
                    }

                    span = span[bom..];
                }

                var completed = new List<RawRecord>();
                while (true)
                {
                    var newline = span.IndexOf((byte)'\n');
                    var piece = newline < 0 ? span : span[..newline];
                    if (!overlong)
                    {
                        if (line.WrittenCount + piece.Length > _limits.MaxRecordLength)
                        {
                            overlong = true;
                            line.ResetWrittenCount();
                        }
                        else
                        {
                            line.Write(piece);
                        }
                    }

                    if (newline < 0)
                    {
                        break;
                    }

                    lineNumber++;
                    Complete(line, lineNumber, overlong, completed, ref pendingBlank, ref anyRecord);
                    line.ResetWrittenCount();
                    overlong = false;
                    span = span[(newline + 1)..];
                }

                if (read == 0)
                {
                    if (line.WrittenCount > 0 || overlong)
                    {
                        lineNumber++;
                        Complete(line, lineNumber, overlong, completed, ref pendingBlank, ref anyRecord);
                    }
                }

                foreach (var record in completed)
                {
                    yield return record;
                }

                if (read == 0)
                {
                    break;
                }
            }

            // Trailing blank lines are reported like blank lines between records.
            if (pendingBlank.Count > 0 && anyRecord)
            {
                _blankRuns.Add(new BlankRun(pendingBlank.FirstRow, pendingBlank.Count, AtEndOfFile: true));
            }

            if (!anyRecord)
            {
                _fileProblems.Add(lineNumber == 0
                    ? new FileProblem(ProblemCodes.EmptyFile, "The file is empty: it needs one JSON object per line.")
                    : new FileProblem(ProblemCodes.NoRecords, "The file contains only blank lines: it needs one JSON object per line."));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    private void Complete(ArrayBufferWriter<byte> line, int lineNumber, bool overlong, List<RawRecord> completed, ref (int FirstRow, int Count) pendingBlank, ref bool anyRecord)
    {
        if (overlong)
        {
            anyRecord = true;
            completed.Add(new RawRecord(lineNumber, lineNumber, [], [new RecordDefect(
                ProblemCodes.RecordTooLong,
                string.Create(CultureInfo.InvariantCulture, $"The line is longer than {_limits.MaxRecordLength} bytes."))]));
            return;
        }

        var bytes = line.WrittenSpan;
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.Trim(" \t"u8).IsEmpty)
        {
            if (anyRecord)
            {
                pendingBlank = pendingBlank.Count == 0 ? (lineNumber, 1) : (pendingBlank.FirstRow, pendingBlank.Count + 1);
            }

            return;
        }

        if (pendingBlank.Count > 0)
        {
            _blankRuns.Add(new BlankRun(pendingBlank.FirstRow, pendingBlank.Count));
            pendingBlank = (0, 0);
        }

        anyRecord = true;
        completed.Add(ParseLine(bytes, lineNumber));
    }

    private RawRecord ParseLine(ReadOnlySpan<byte> bytes, int lineNumber)
    {
        var defects = new List<RecordDefect>();
        byte[]? repaired = null;
        if (!Utf8.IsValid(bytes))
        {
            defects.Add(new RecordDefect(
                ProblemCodes.InvalidEncoding,
                "The line contains bytes that are not valid UTF-8. Save the file as UTF-8."));

            // Decode lossily so the values can still be checked (and scanned for identifiers).
            repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
            bytes = repaired;
        }

        var fields = new List<RawField>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                defects.Add(new RecordDefect(ProblemCodes.JsonNotObject, "The line is valid JSON but not an object: each line must be one {...} record."));
                return Unparsed(bytes, lineNumber, defects);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString() ?? string.Empty;
                reader.Read();
                var value = ReadValue(ref reader, key, defects);
                if (!keys.Add(key))
                {
                    defects.Add(new RecordDefect(ProblemCodes.DuplicateColumn, "The key appears twice in this object.", key));
                    continue;
                }

                if (fields.Count < _limits.MaxColumns)
                {
                    fields.Add(new RawField(key, value));
                }
                else if (fields.Count == _limits.MaxColumns)
                {
                    defects.Add(new RecordDefect(
                        ProblemCodes.TooManyColumns,
                        string.Create(CultureInfo.InvariantCulture, $"The object has more than {_limits.MaxColumns} keys.")));
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                defects.Add(new RecordDefect(ProblemCodes.InvalidJson, "Text follows the end of the JSON object on this line: one object per line."));
            }
        }
        catch (JsonException exception)
        {
            // The exception message quotes the offending token; report the position only.
            defects.Add(new RecordDefect(
                ProblemCodes.InvalidJson,
                string.Create(CultureInfo.InvariantCulture, $"The line is not valid JSON (error at byte {exception.BytePositionInLine ?? 0}).")));
            fields.Add(new RawField(UnparsedLineColumn, Encoding.UTF8.GetString(bytes)));
        }

        return new RawRecord(lineNumber, lineNumber, fields, defects);
    }

    private static RawRecord Unparsed(ReadOnlySpan<byte> bytes, int lineNumber, List<RecordDefect> defects) =>
        new(lineNumber, lineNumber, [new RawField(UnparsedLineColumn, Encoding.UTF8.GetString(bytes))], defects);

    private string ReadValue(ref Utf8JsonReader reader, string key, List<RecordDefect> defects)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Bound(reader.GetString() ?? string.Empty, key, defects);
            case JsonTokenType.Number:
                // Keep the number's own text ("22.0" stays "22.0") so typing rules match CSV.
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return string.Empty;
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        defects.Add(new RecordDefect(ProblemCodes.JsonNestedValue, "An array may hold only strings or numbers.", key));
                        reader.Skip();
                        continue;
                    }

                    items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : Encoding.UTF8.GetString(reader.ValueSpan));
                }

                return Bound(string.Join(';', items), key, defects);
            default:
                defects.Add(new RecordDefect(ProblemCodes.JsonNestedValue, "The value is a nested object; field values must be strings, numbers, booleans or null.", key));
                reader.Skip();
                return string.Empty;
        }
    }

    private string Bound(string value, string key, List<RecordDefect> defects)
    {
        if (value.Length <= _limits.MaxFieldLength)
        {
            return value;
        }

        defects.Add(new RecordDefect(
            ProblemCodes.FieldTooLong,
            string.Create(CultureInfo.InvariantCulture, $"The value is longer than {_limits.MaxFieldLength} characters."),
            key));
        return value[.._limits.MaxFieldLength];
    }
}
