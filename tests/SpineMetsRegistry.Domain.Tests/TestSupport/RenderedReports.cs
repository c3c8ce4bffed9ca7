using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Domain.Validation.Reports;

namespace SpineMetsRegistry.Domain.Tests.TestSupport;

/// <summary>One validation run rendered in all three report formats at once.</summary>
public sealed record RenderedReports(ValidationRun Run, string Json, string Csv, string Text)
{
    public static BatchDescription Description(BatchFormat format) =>
        new(SampleRows.Site, "batch-001", format == BatchFormat.Csv ? "batch-001.csv" : "batch-001.jsonl", format, DataDictionary.Default.Version, SampleRows.ReceivedOn)
        {
            ContentSha256 = "ab12",
        };

    public static async Task<RenderedReports> RenderAsync(byte[] content, BatchFormat format, BatchValidationContext? context = null)
    {
        var description = Description(format);
        using var json = new MemoryStream();
        using var csv = new StringWriter();
        using var text = new StringWriter();
        var jsonWriter = new JsonValidationReportWriter(json, description);
        var textWriter = new TextValidationReportWriter(text, description);
        var run = await ValidationRun.RunAsync(content, format, context, new CompositeReportSink(jsonWriter, new CsvValidationReportWriter(csv), textWriter));
        await jsonWriter.CompleteAsync(run.Summary);
        await jsonWriter.DisposeAsync();
        await textWriter.CompleteAsync(run.Summary);
        return new RenderedReports(run, Encoding.UTF8.GetString(json.ToArray()), csv.ToString(), text.ToString());
    }

    public static Task<RenderedReports> RenderCsvAsync(string csv, BatchValidationContext? context = null) =>
        RenderAsync(Encoding.UTF8.GetBytes(csv), BatchFormat.Csv, context);
}
