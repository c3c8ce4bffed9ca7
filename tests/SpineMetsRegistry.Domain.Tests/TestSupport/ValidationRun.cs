using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Domain.Validation.Reports;

namespace SpineMetsRegistry.Domain.Tests.TestSupport;

/// <summary>
/// Runs both validation passes over one batch held in memory and keeps everything a test
/// asserts on: the outcome, every problem, and the records pass 2 would store.
/// </summary>
public sealed class ValidationRun
{
    private ValidationRun(BatchValidationOutcome outcome, IReadOnlyList<ValidationProblem> problems, IReadOnlyList<RegistryRecord> accepted)
    {
        Outcome = outcome;
        Problems = problems;
        Accepted = accepted;
    }

    public BatchValidationOutcome Outcome { get; }

    public BatchValidationSummary Summary => Outcome.Summary;

    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>What <see cref="BatchValidator.ReadAcceptedAsync"/> yields over the same bytes.</summary>
    public IReadOnlyList<RegistryRecord> Accepted { get; }

    public IReadOnlyList<ValidationProblem> Errors => Problems.Where(p => p.Severity == Severity.Error).ToList();

    public IReadOnlyList<ValidationProblem> Warnings => Problems.Where(p => p.Severity == Severity.Warning).ToList();

    public ISet<string> ErrorCodes => Errors.Select(p => p.Code).ToHashSet();

    public ISet<string> WarningCodes => Warnings.Select(p => p.Code).ToHashSet();

    public static BatchValidationContext Context(Func<BatchValidationContext, BatchValidationContext>? adjust = null)
    {
        var context = new BatchValidationContext
        {
            SiteCode = SampleRows.Site,
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern(SampleRows.StudyIdPattern),
            ReceivedOn = SampleRows.ReceivedOn,
        };
        return adjust is null ? context : adjust(context);
    }

    public static Task<ValidationRun> CsvAsync(string text, BatchValidationContext? context = null) =>
        RunAsync(Encoding.UTF8.GetBytes(text), BatchFormat.Csv, context);

    public static Task<ValidationRun> CsvAsync(params Row[] rows) => CsvAsync(BatchText.Csv(rows));

    public static Task<ValidationRun> JsonLinesAsync(string text, BatchValidationContext? context = null) =>
        RunAsync(Encoding.UTF8.GetBytes(text), BatchFormat.JsonLines, context);

    public static async Task<ValidationRun> RunAsync(byte[] content, BatchFormat format, BatchValidationContext? context = null, IValidationReportSink? alsoTo = null)
    {
        var validator = new BatchValidator(context ?? Context());
        var collected = new CollectingReportSink();
        IValidationReportSink sink = alsoTo is null ? collected : new CompositeReportSink(collected, alsoTo);
        BatchValidationOutcome outcome;
        using (var first = new MemoryStream(content, writable: false))
        {
            outcome = await validator.ValidateAsync(first, format, sink);
        }

        var accepted = new List<RegistryRecord>();
        using (var second = new MemoryStream(content, writable: false))
        {
            await foreach (var record in validator.ReadAcceptedAsync(second, format, outcome))
            {
                accepted.Add(record);
            }
        }

        return new ValidationRun(outcome, collected.Problems, accepted);
    }

    /// <summary>Every problem as (row, field, code, severity), for exact comparisons.</summary>
    public IReadOnlyList<(int Row, string? Field, string Code, Severity Severity)> Found =>
        Problems.Select(p => (p.Row, p.Field, p.Code, p.Severity)).ToList();

    /// <summary>The only problem of the batch; fails with the whole list otherwise.</summary>
    public ValidationProblem Single()
    {
        Assert.True(Problems.Count == 1, "Expected exactly one problem, got: " + Describe());
        return Problems[0];
    }

    public string Describe() => string.Join("; ", Problems.Select(p => $"row {p.Row} {p.Field} {p.Code} {p.Severity}"));
}
