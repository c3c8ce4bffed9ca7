namespace SpineMetsRegistry.Pipeline.Workflows;

/// <summary>
/// The only things a workflow may do: call an activity and read the workflow's clock. A
/// workflow written against this runs unchanged under Durable Functions (through an
/// adapter over TaskOrchestrationContext) and under the local host's in-process runner.
/// Workflow code must be deterministic: no I/O, no DateTime.Now, no Guid.NewGuid, no
/// random; everything else happens in activities.
/// </summary>
public interface IWorkflowContext
{
    /// <summary>The instance ID (deterministic, derived from the batch).</summary>
    string InstanceId { get; }

    /// <summary>The workflow's clock: the same value on every replay.</summary>
    DateTimeOffset CurrentUtcDateTime { get; }

    /// <summary>
    /// Calls an activity by name with a serializable input and returns its serializable
    /// result. Activities run at least once: they must be idempotent. Failures are retried
    /// by the host's retry policy; a failure that survives the retries throws.
    /// </summary>
    Task<TResult> CallActivityAsync<TResult>(string activityName, object? input);
}
