using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>The runner's progress store, telling the <see cref="CrashPlan"/> around every step it persists.</summary>
internal sealed class CrashingWorkflowStateStore(IWorkflowStateStore inner, CrashPlan plan) : IWorkflowStateStore
{
    public Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(instanceId, cancellationToken);

    public Task<bool> TryCreateAsync(WorkflowInstance instance, CancellationToken cancellationToken = default) =>
        inner.TryCreateAsync(instance, cancellationToken);

    public async Task SaveStepAsync(string instanceId, WorkflowStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        plan.BeforeStepSaved(step);
        await inner.SaveStepAsync(instanceId, step, cancellationToken);
        plan.AfterStepSaved(step);
    }

    public Task<IReadOnlyList<WorkflowStep>> GetStepsAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetStepsAsync(instanceId, cancellationToken);

    public Task RestartAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.RestartAsync(instanceId, at, cancellationToken);

    public Task FinishAsync(string instanceId, WorkflowStatus status, string? outputJson, string? failure, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.FinishAsync(instanceId, status, outputJson, failure, at, cancellationToken);

    public IAsyncEnumerable<WorkflowInstance> ListRunningAsync(CancellationToken cancellationToken = default) =>
        inner.ListRunningAsync(cancellationToken);
}
