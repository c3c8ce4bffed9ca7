using Microsoft.DurableTask;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// The workflow context over a Durable orchestration: activity calls go through the task hub
/// with the workflow retry policy, and the clock is the orchestration's replay-safe clock.
/// </summary>
internal sealed class DurableWorkflowContext(TaskOrchestrationContext context, TaskOptions activityOptions) : IWorkflowContext
{
    public string InstanceId => context.InstanceId;

    public DateTimeOffset CurrentUtcDateTime => DurableClock.ToWorkflowTime(context.CurrentUtcDateTime);

    public Task<TResult> CallActivityAsync<TResult>(string activityName, object? input) =>
        context.CallActivityAsync<TResult>(activityName, input, activityOptions);

    /// <summary>Activity options carrying <paramref name="policy"/> as a Durable retry policy.</summary>
    public static TaskOptions RetryingWith(WorkflowRetryPolicy policy)
    {
        var retry = DurableRetrySettings.From(policy);
        return TaskOptions.FromRetryPolicy(new RetryPolicy(
            retry.MaxNumberOfAttempts,
            retry.FirstRetryInterval,
            retry.BackoffCoefficient,
            retry.MaxRetryInterval,
            retry.RetryTimeout));
    }
}
