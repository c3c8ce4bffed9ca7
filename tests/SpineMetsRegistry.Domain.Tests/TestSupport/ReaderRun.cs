using System.Text;
using SpineMetsRegistry.Domain.Batches;

namespace SpineMetsRegistry.Domain.Tests.TestSupport;

/// <summary>Reads a whole batch with a reader and keeps the records and the reader's findings.</summary>
public sealed record ReaderRun(IReadOnlyList<RawRecord> Records, IReadOnlyList<string>? Columns, IReadOnlyList<FileProblem> FileProblems, IReadOnlyList<BlankRun> BlankRuns)
{
    public static Task<ReaderRun> CsvAsync(string text, BatchReaderLimits? limits = null) => ReadAsync(Encoding.UTF8.GetBytes(text), BatchFormat.Csv, limits);

    public static Task<ReaderRun> JsonLinesAsync(string text, BatchReaderLimits? limits = null) => ReadAsync(Encoding.UTF8.GetBytes(text), BatchFormat.JsonLines, limits);

    public static Task<ReaderRun> ReadAsync(byte[] content, BatchFormat format, BatchReaderLimits? limits = null) =>
        ReadAsync(new MemoryStream(content), format, limits);

    public static async Task<ReaderRun> ReadAsync(Stream content, BatchFormat format, BatchReaderLimits? limits = null)
    {
        var reader = BatchReaders.Open(content, format, limits);
        var records = new List<RawRecord>();
        await foreach (var record in reader.ReadAsync())
        {
            records.Add(record);
        }

        return new ReaderRun(records, reader.Columns, reader.FileProblems, reader.BlankRuns);
    }

    public IReadOnlyList<string> Values(int index) => Records[index].Fields.Select(f => f.Value).ToList();

    public IEnumerable<string> DefectCodes(int index) => Records[index].Defects.Select(d => d.Code);
}
