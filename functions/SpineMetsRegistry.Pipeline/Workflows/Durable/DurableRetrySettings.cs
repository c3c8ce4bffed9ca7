using Microsoft.DurableTask;

namespace SpineMetsRegistry.Pipeline.Workflows.Durable;

/// <summary>
/// The constructor arguments of Durable Functions' <c>RetryPolicy</c> for a
/// <see cref="WorkflowRetryPolicy"/>, so activity retries follow the same numbers under both
/// hosts. Both count attempts including the first and grow each delay by the coefficient up
/// to the cap; neither sets an overall retry timeout.
/// </summary>
/// <param name="MaxNumberOfAttempts">Attempts including the first (Durable: 1 or more).</param>
/// <param name="FirstRetryInterval">Delay before the first retry (Durable: more than zero).</param>
/// <param name="BackoffCoefficient">Growth of each delay (Durable: 1.0 or more).</param>
/// <param name="MaxRetryInterval">Cap on a single delay (Durable: at least the first interval).</param>
/// <param name="RetryTimeout">Overall limit on retrying; null for none.</param>
public sealed record DurableRetrySettings(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient,
    TimeSpan MaxRetryInterval,
    TimeSpan? RetryTimeout)
{
    /// <summary>
    /// Maps a workflow retry policy; throws for a policy Durable's RetryPolicy constructor would
    /// reject, so a bad policy fails in tests here rather than in the first orchestration.
    /// </summary>
    public static DurableRetrySettings From(WorkflowRetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(policy.MaxAttempts, nameof(policy));
        if (policy.FirstRetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy.FirstRetryInterval, "The first retry interval must be positive.");
        }

        if (!(policy.BackoffCoefficient >= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy.BackoffCoefficient, "The backoff coefficient must be 1.0 or more.");
        }

        if (policy.MaxRetryInterval < policy.FirstRetryInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy.MaxRetryInterval, "The maximum retry interval must be at least the first retry interval.");
        }

        return new(policy.MaxAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval, null);
    }

    /// <summary>
    /// The activity options both hosts' orchestrations call activities with: the policy as a
    /// Durable <see cref="RetryPolicy"/>, or null (no retries) for a policy of one attempt.
    /// </summary>
    public static TaskOptions? ToTaskOptions(WorkflowRetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxAttempts == 1)
        {
            return null;
        }

        var retry = From(policy);
        return TaskOptions.FromRetryPolicy(new RetryPolicy(
            retry.MaxNumberOfAttempts,
            retry.FirstRetryInterval,
            retry.BackoffCoefficient,
            retry.MaxRetryInterval,
            retry.RetryTimeout));
    }
}
