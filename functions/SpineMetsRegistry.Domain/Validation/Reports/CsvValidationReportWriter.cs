using System.Globalization;

namespace SpineMetsRegistry.Domain.Validation.Reports;

/// <summary>
/// Streams the report as CSV a data manager can sort and filter in a spreadsheet:
/// <c>row,field,code,severity,study_id,message</c>. The summary goes in the JSON report
/// and the text rendering.
/// </summary>
public sealed class CsvValidationReportWriter : IValidationReportSink
{
    /// <summary>The header row.</summary>
    public const string Header = "row,field,code,severity,study_id,message";

    private readonly TextWriter _output;

    /// <summary>Starts a report on <paramref name="output"/> (left open) and writes the header.</summary>
    public CsvValidationReportWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _output.WriteLine(Header);
    }

    /// <inheritdoc />
    public async ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var line = string.Join(',',
            problem.Row.ToString(CultureInfo.InvariantCulture),
            Quote(problem.Field ?? string.Empty),
            problem.Code,
            ReportText.Severity(problem.Severity),
            Quote(problem.StudyId ?? string.Empty),
            Quote(problem.Message));
        await _output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string value)
    {
        // Spreadsheet formula injection: a cell starting with = + - @ is neutralised.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
