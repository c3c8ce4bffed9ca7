using Microsoft.DurableTask;

namespace SpineMetsRegistry.Pipeline.Workflows;

/// <summary>
/// Renders a failure for the ledger and the logs. Activities never put record values in
/// exception messages, and the text is bounded, so a failure reason is safe to show.
/// </summary>
public static class FailureText
{
    private const int MaxLength = 500;

    /// <summary>The innermost meaningful exception's type and message, bounded.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception;
        while (inner is AggregateException { InnerException: { } aggregateInner })
        {
            inner = aggregateInner;
        }

        // An activity's or sub-orchestration's failure reaches the orchestrator wrapped by the
        // engine: report the original exception's type and message, as the activity threw it.
        var details = inner switch
        {
            TaskFailedException failed => failed.FailureDetails,
            _ => null,
        };
        while (details?.InnerFailure is { } innerFailure && details.ErrorType.EndsWith(nameof(TaskFailedException), StringComparison.Ordinal))
        {
            details = innerFailure;
        }

        var text = details is null
            ? $"{inner.GetType().Name}: {inner.Message}"
            : $"{details.ErrorType[(details.ErrorType.LastIndexOf('.') + 1)..]}: {details.ErrorMessage}";
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
