namespace SpineMetsRegistry.Pipeline.Workflows.Durable;

/// <summary>
/// The two Durable client operations a deduplicating start needs, so the start logic is
/// tested here and the Functions app only adapts <c>DurableTaskClient</c> (a per-invocation
/// binding) onto this.
/// </summary>
public interface IOrchestrationClient
{
    /// <summary>The status of the instance with this ID, or <see cref="DurableInstanceStatus.NotFound"/>.</summary>
    Task<DurableInstanceStatus> GetStatusAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Schedules an orchestration under a fixed instance ID; returns false (and starts nothing)
    /// when the task hub refuses because an instance with this ID is pending or running.
    /// </summary>
    Task<bool> TryScheduleAsync(string orchestrationName, object input, string instanceId, CancellationToken cancellationToken);
}
