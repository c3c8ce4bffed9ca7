namespace SpineMetsRegistry.Pipeline.Workflows;

/// <summary>The lifecycle of a workflow instance run by the local runner.</summary>
public enum WorkflowStatus
{
    /// <summary>Started and not finished (resumed after a restart).</summary>
    Running,

    /// <summary>Finished successfully.</summary>
    Completed,

    /// <summary>Finished with a failure that survived the retries.</summary>
    Failed,
}

/// <summary>A workflow instance as the local runner persists it.</summary>
/// <param name="InstanceId">Deterministic instance ID.</param>
/// <param name="WorkflowName">Which workflow.</param>
/// <param name="InputJson">The serialized input (references and counts only).</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="CreatedAt">When it started: the workflow clock's origin.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="OutputJson">The serialized output once completed.</param>
/// <param name="Failure">The failure once failed (type and message; never record values).</param>
public sealed record WorkflowInstance(
    string InstanceId,
    string WorkflowName,
    string InputJson,
    WorkflowStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? OutputJson,
    string? Failure);

/// <summary>One completed activity call: replayed instead of re-run when the instance resumes.</summary>
/// <param name="Sequence">The call's position in the workflow (0-based).</param>
/// <param name="ActivityName">The activity called (checked on replay: a different name means the workflow is not deterministic).</param>
/// <param name="ResultJson">The serialized result.</param>
/// <param name="CompletedAt">When it completed.</param>
public sealed record WorkflowStep(int Sequence, string ActivityName, string ResultJson, DateTimeOffset CompletedAt)
{
    /// <summary>
    /// The workflow clock when the call was issued: what <see cref="IWorkflowContext.CurrentUtcDateTime"/>
    /// returns before this call on every replay. Null in rows written before it existed (then <see cref="CompletedAt"/>).
    /// </summary>
    public DateTimeOffset? IssuedAt { get; init; }
}

/// <summary>Where the local runner keeps workflow progress, so a killed host resumes each unfinished workflow where it stopped.</summary>
public interface IWorkflowStateStore
{
    /// <summary>Reads an instance, or null.</summary>
    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Creates an instance; returns false (and changes nothing) when it already exists.</summary>
    Task<bool> TryCreateAsync(WorkflowInstance instance, CancellationToken cancellationToken = default);

    /// <summary>Records a completed activity call (idempotent per sequence number).</summary>
    Task SaveStepAsync(string instanceId, WorkflowStep step, CancellationToken cancellationToken = default);

    /// <summary>The completed calls of an instance in sequence order.</summary>
    Task<IReadOnlyList<WorkflowStep>> GetStepsAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Starts a failed instance again from the beginning: its steps are removed and its status is Running.</summary>
    Task RestartAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Marks an instance finished.</summary>
    Task FinishAsync(string instanceId, WorkflowStatus status, string? outputJson, string? failure, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Instances still running (to resume at start-up).</summary>
    IAsyncEnumerable<WorkflowInstance> ListRunningAsync(CancellationToken cancellationToken = default);
}
