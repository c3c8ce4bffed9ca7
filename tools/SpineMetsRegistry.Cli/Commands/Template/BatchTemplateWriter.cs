using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Domain.Batches.Redcap;
using SpineMetsRegistry.Domain.Csv;
using SpineMetsRegistry.Domain.Dictionary;

namespace SpineMetsRegistry.Cli.Commands.Template;

/// <summary>The files <c>spinemets template</c> writes: names and content per format.</summary>
internal sealed class BatchTemplateWriter(DataDictionary dictionary, RedcapSettings redcap)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The empty batch file and the example file of a format, by file name.</summary>
    public IReadOnlyList<(string FileName, string Content)> Files(string format, string siteCode)
    {
        var version = dictionary.Version;
        var records = ExampleBatch.Records(siteCode);
        return format switch
        {
            "jsonl" =>
            [
                ($"batch-template-{version}.jsonl", JsonLine(dictionary.Fields.ToDictionary(f => f.Code, _ => (string?)null))),
                ($"batch-example-{version}.jsonl", string.Concat(records.Select(r => JsonLine(r.ToDictionary(c => c.Key, c => (string?)c.Value))))),
            ],
            "redcap" => RedcapFiles(version, records),
            _ =>
            [
                ($"batch-template-{version}.csv", CsvLine(dictionary.Fields.Select(f => f.Code))),
                ($"batch-example-{version}.csv", CsvLine(dictionary.Fields.Select(f => f.Code))
                    + string.Concat(records.Select(r => CsvLine(dictionary.Fields.Select(f => r.GetValueOrDefault(f.Code, string.Empty)))))),
            ],
        };
    }

    /// <summary>Writes every file into <paramref name="directory"/> (UTF-8 without BOM, LF line ends).</summary>
    public static async Task WriteAsync(DirectoryInfo directory, IEnumerable<(string FileName, string Content)> files, CancellationToken cancellationToken)
    {
        foreach (var (name, content) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, name), content, Utf8, cancellationToken);
        }
    }

    private IReadOnlyList<(string, string)> RedcapFiles(string version, IReadOnlyList<IReadOnlyDictionary<string, string>> records)
    {
        var layout = RedcapExportLayout.Longitudinal(dictionary, redcap);
        var header = CsvLine(layout.Columns);
        return
        [
            ($"redcap-template-{version}.csv", header),
            ($"redcap-example-{version}.csv", header + string.Concat(records.Select(r => CsvLine(layout.Row(r))))),
        ];
    }

    // Through the registry's one CSV writer, so templates are formula-safe like every other CSV it emits.
    private static string CsvLine(IEnumerable<string> cells) => CsvRowWriter.Format(cells) + "\n";

    private static string JsonLine(Dictionary<string, string?> values) => JsonSerializer.Serialize(values) + "\n";
}
