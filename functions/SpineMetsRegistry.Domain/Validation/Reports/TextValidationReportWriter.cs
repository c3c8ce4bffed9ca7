using System.Globalization;

namespace SpineMetsRegistry.Domain.Validation.Reports;

/// <summary>
/// Streams a readable report: one line per problem, then the summary with what happens to
/// the batch and what to do next.
/// </summary>
public sealed class TextValidationReportWriter : IValidationReportSink
{
    private readonly TextWriter _output;
    private int _count;

    /// <summary>Starts a report on <paramref name="output"/> (left open).</summary>
    public TextValidationReportWriter(TextWriter output, BatchDescription batch)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(batch);
        _output = output;
        _output.WriteLine($"Validation report for {batch.FileName} (site {batch.SiteCode}, data dictionary {batch.DictionaryVersion})");
    }

    /// <inheritdoc />
    public async ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _count++;
        var where = problem.Row == 0 ? "file" : string.Create(CultureInfo.InvariantCulture, $"row {problem.Row}");
        var field = problem.Field is null ? string.Empty : $" [{problem.Field}]";
        var study = problem.StudyId is null ? string.Empty : $" ({problem.StudyId})";
        var line = $"{ReportText.Severity(problem.Severity).ToUpperInvariant(),-7} {where}{field}{study}: {problem.Message} <{problem.Code}>";
        await _output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    // A held batch's valid records are not "rejected": say why each record is not stored.
    private static string NotStored(BatchValidationSummary summary) => summary.HeldBack == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{summary.Rejected} rejected")
        : string.Create(CultureInfo.InvariantCulture, $"{summary.Rejected} not stored ({summary.RecordsWithErrors} with errors, {summary.HeldBack} valid but held with the batch)");

    /// <summary>Writes the summary.</summary>
    public async Task CompleteAsync(BatchValidationSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (_count == 0)
        {
            await _output.WriteLineAsync("No problems found.".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        var byType = string.Join(", ", summary.AcceptedByRecordType.Where(p => p.Value > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}")));
        var text = string.Create(CultureInfo.InvariantCulture, $"""

            Summary: {summary.Records} records read, {summary.Accepted} accepted{(byType.Length > 0 ? $" ({byType})" : string.Empty)}, {NotStored(summary)}.
            Problems: {summary.Errors} errors in {summary.RecordsWithErrors} records, {summary.Warnings} warnings in {summary.RecordsWithWarnings} records.
            Decision: {ReportText.Decision(summary.Decision)}. {ReportText.Explain(summary)}
            """);
        if (!summary.CrossBatchChecksRan)
        {
            text += Environment.NewLine + "Checks against records already in the registry (unknown study IDs, withdrawn patients) run when the batch is uploaded.";
        }

        await _output.WriteLineAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
