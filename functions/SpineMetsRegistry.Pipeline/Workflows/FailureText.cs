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

        var text = $"{inner.GetType().Name}: {inner.Message}";
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
