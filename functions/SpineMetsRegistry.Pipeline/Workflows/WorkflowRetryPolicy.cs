namespace SpineMetsRegistry.Pipeline.Workflows;

/// <summary>
/// How activity failures are retried: exponential backoff, expressed once and applied by the
/// Durable Task engine in both hosts (mapped onto its RetryPolicy by
/// <see cref="Durable.DurableRetrySettings.ToTaskOptions"/>).
/// </summary>
/// <param name="MaxAttempts">Attempts including the first.</param>
/// <param name="FirstRetryInterval">Delay before the first retry.</param>
/// <param name="BackoffCoefficient">Each delay is the previous times this.</param>
/// <param name="MaxRetryInterval">Upper bound of a single delay.</param>
public sealed record WorkflowRetryPolicy(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient, TimeSpan MaxRetryInterval)
{
    /// <summary>Five attempts starting at 2 s, doubling, capped at 1 minute (storage throttling backs off within a minute).</summary>
    public static WorkflowRetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1));

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retry);
        var seconds = FirstRetryInterval.TotalSeconds * Math.Pow(BackoffCoefficient, retry - 1);
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryInterval.TotalSeconds));
    }
}
