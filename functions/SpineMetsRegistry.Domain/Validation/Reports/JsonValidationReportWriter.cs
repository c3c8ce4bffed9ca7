using System.Text.Json;

namespace SpineMetsRegistry.Domain.Validation.Reports;

/// <summary>
/// Streams the machine-readable report: <c>{"reportVersion", "batch", "problems": [...], "summary"}</c>.
/// Problems are written as they are found, the summary last. Each problem carries
/// <c>row</c>, <c>field</c>, <c>code</c>, <c>severity</c> and <c>message</c> (and
/// <c>studyId</c> when the row's study ID is well formed).
/// </summary>
public sealed class JsonValidationReportWriter : IValidationReportSink, IAsyncDisposable
{
    /// <summary>The version of this report's JSON shape.</summary>
    public const int ReportVersion = 1;

    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    /// <summary>Starts a report on <paramref name="output"/> (left open).</summary>
    public JsonValidationReportWriter(Stream output, BatchDescription batch, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented });
        _writer.WriteStartObject();
        _writer.WriteNumber("reportVersion", ReportVersion);
        _writer.WriteStartObject("batch");
        _writer.WriteString("site", batch.SiteCode);
        _writer.WriteString("batchId", batch.BatchId);
        _writer.WriteString("fileName", batch.FileName);
        _writer.WriteString("format", Batches.BatchFormats.ToCode(batch.Format));
        _writer.WriteString("dictionaryVersion", batch.DictionaryVersion);
        _writer.WriteString("receivedOn", batch.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (batch.ContentSha256 is not null)
        {
            _writer.WriteString("sha256", batch.ContentSha256);
        }

        _writer.WriteEndObject();
        _writer.WriteStartArray("problems");
    }

    /// <inheritdoc />
    public async ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _writer.WriteStartObject();
        _writer.WriteNumber("row", problem.Row);
        if (problem.Field is null)
        {
            _writer.WriteNull("field");
        }
        else
        {
            _writer.WriteString("field", problem.Field);
        }

        _writer.WriteString("code", problem.Code);
        _writer.WriteString("severity", ReportText.Severity(problem.Severity));
        _writer.WriteString("message", problem.Message);
        if (problem.StudyId is not null)
        {
            _writer.WriteString("studyId", problem.StudyId);
        }

        if (problem.IsStructural)
        {
            _writer.WriteBoolean("holdsBatch", true);
        }

        if (problem.IsIdentifier)
        {
            _writer.WriteBoolean("identifier", true);
            if (problem.MaskedValue is not null)
            {
                _writer.WriteString("maskedValue", problem.MaskedValue);
            }

            if (problem.Severity == Severity.Error)
            {
                _writer.WriteBoolean("quarantinesBatch", true);
            }
        }

        _writer.WriteEndObject();
        if (_writer.BytesPending > 16 * 1024)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the summary and closes the JSON document.</summary>
    public async Task CompleteAsync(BatchValidationSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _writer.WriteEndArray();
        _writer.WriteStartObject("summary");
        _writer.WriteString("decision", ReportText.Decision(summary.Decision));
        _writer.WriteString("explanation", ReportText.Explain(summary));
        _writer.WriteString("policy", ReportText.Policy(summary.Policy));
        _writer.WriteNumber("records", summary.Records);
        _writer.WriteNumber("accepted", summary.Accepted);
        _writer.WriteNumber("rejected", summary.Rejected);
        _writer.WriteNumber("heldBack", summary.HeldBack);
        _writer.WriteNumber("recordsWithErrors", summary.RecordsWithErrors);
        _writer.WriteNumber("recordsWithWarnings", summary.RecordsWithWarnings);
        _writer.WriteNumber("errors", summary.Errors);
        _writer.WriteNumber("warnings", summary.Warnings);
        _writer.WriteBoolean("structuralProblems", summary.HasStructuralProblems);
        _writer.WriteNumber("identifierFindings", summary.IdentifierFindings);
        _writer.WriteBoolean("crossBatchChecks", summary.CrossBatchChecksRan);
        _writer.WriteStartObject("acceptedByRecordType");
        foreach (var (type, count) in summary.AcceptedByRecordType)
        {
            _writer.WriteNumber(type, count);
        }

        _writer.WriteEndObject();
        _writer.WriteStartObject("problemsByCode");
        foreach (var (code, count) in summary.ProblemsByCode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _writer.WriteNumber(code, count);
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
    }

    /// <summary>Whether <see cref="CompleteAsync"/> ran.</summary>
    public bool IsComplete => _completed;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
    }
}
