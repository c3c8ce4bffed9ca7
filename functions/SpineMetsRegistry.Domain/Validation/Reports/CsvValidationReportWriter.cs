using System.Globalization;
using SpineMetsRegistry.Domain.Csv;

namespace SpineMetsRegistry.Domain.Validation.Reports;

/// <summary>
/// Streams the report as CSV a data manager can sort and filter in a spreadsheet:
/// <c>row,field,code,severity,study_id,message</c>. The summary goes in the JSON report
/// and the text rendering. Fields go through the one <see cref="CsvRowWriter"/>, which neutralises
/// anything a spreadsheet would run as a formula.
/// </summary>
public sealed class CsvValidationReportWriter : IValidationReportSink
{
    /// <summary>The header row.</summary>
    public const string Header = "row,field,code,severity,study_id,message";

    private readonly CsvRowWriter _csv;

    /// <summary>Starts a report on <paramref name="output"/> (left open) and writes the header.</summary>
    public CsvValidationReportWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _csv = new CsvRowWriter(output, output.NewLine);
        _csv.WriteRow(Header.Split(','));
    }

    /// <inheritdoc />
    public async ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        await _csv.WriteRowAsync(
            [
                problem.Row.ToString(CultureInfo.InvariantCulture),
                problem.Field,
                problem.Code,
                ReportText.Severity(problem.Severity),
                problem.StudyId,
                problem.Message,
            ],
            cancellationToken).ConfigureAwait(false);
    }
}
