namespace SpineMetsRegistry.Domain.Validation.Reports;

/// <summary>Sends each problem to several sinks (e.g. the JSON and CSV reports at once).</summary>
public sealed class CompositeReportSink(params IValidationReportSink[] sinks) : IValidationReportSink
{
    /// <inheritdoc />
    public async ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
    {
        foreach (var sink in sinks)
        {
            await sink.AddAsync(problem, cancellationToken).ConfigureAwait(false);
        }
    }
}
