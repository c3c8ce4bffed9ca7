namespace SpineMetsRegistry.Domain.Batches;

/// <summary>
/// Streams the records of one batch file. Memory stays flat: one record is held at a time
/// and every field is bounded by <see cref="BatchReaderLimits"/>.
/// </summary>
public interface IBatchReader
{
    /// <summary>
    /// The header columns (CSV) once the header has been read; null for JSON Lines, where
    /// each record carries its own keys, and before reading starts.
    /// </summary>
    IReadOnlyList<string>? Columns { get; }

    /// <summary>
    /// Problems with the file as a whole found so far (complete once enumeration ends).
    /// Any file problem holds the batch.
    /// </summary>
    IReadOnlyList<FileProblem> FileProblems { get; }

    /// <summary>Blank rows skipped between records (reported as warnings).</summary>
    IReadOnlyList<BlankRun> BlankRuns { get; }

    /// <summary>Reads the records in file order.</summary>
    IAsyncEnumerable<RawRecord> ReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>A run of consecutive blank rows between records, or at the end of the file.</summary>
/// <param name="FirstRow">The first blank row.</param>
/// <param name="Count">How many consecutive blank rows.</param>
/// <param name="AtEndOfFile">Whether the run ends the file (no record follows it).</param>
public sealed record BlankRun(int FirstRow, int Count, bool AtEndOfFile = false);

/// <summary>Creates the reader for a format.</summary>
public static class BatchReaders
{
    /// <summary>
    /// Opens a reader over a stream (the caller owns the stream). With REDCap settings, a
    /// CSV file whose header is a REDCap export's is read through them (detection);
    /// <see cref="BatchFormat.Redcap"/> always is (with the default settings when none are given).
    /// </summary>
    public static IBatchReader Open(Stream stream, BatchFormat format, BatchReaderLimits? limits = null, Redcap.RedcapSettings? redcap = null, Dictionary.DataDictionary? dictionary = null) => format switch
    {
        BatchFormat.Csv when redcap is not null => new Redcap.RedcapBatchReader(stream, limits ?? BatchReaderLimits.Default, redcap, dictionary ?? Dictionary.DataDictionary.Default, detect: true),
        BatchFormat.Csv => new CsvBatchReader(stream, limits ?? BatchReaderLimits.Default),
        BatchFormat.Redcap => new Redcap.RedcapBatchReader(stream, limits ?? BatchReaderLimits.Default, redcap ?? new(), dictionary ?? Dictionary.DataDictionary.Default, detect: false),
        BatchFormat.JsonLines => new JsonLinesBatchReader(stream, limits ?? BatchReaderLimits.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown batch format."),
    };
}
