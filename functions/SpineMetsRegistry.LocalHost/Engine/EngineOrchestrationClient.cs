using DurableTask.Core;
using DurableTask.Core.Exceptions;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// The deduplicating start's two client operations on the local task hub: the instance's
/// status, and a start that the task hub refuses while an instance with the ID is pending,
/// running or completed (a failed or terminated one is replaced: a re-upload restarts it).
/// </summary>
internal sealed class EngineOrchestrationClient(LocalEngine engine) : IOrchestrationClient
{
    private static readonly OrchestrationStatus[] RefusedWhile =
    [
        OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew,
        OrchestrationStatus.Suspended, OrchestrationStatus.Completed,
    ];

    public async Task<DurableInstanceStatus> GetStatusAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await engine.Client.GetOrchestrationStateAsync(instanceId);
        return state is null ? DurableInstanceStatus.NotFound : Map(state.OrchestrationStatus);
    }

    public async Task<bool> TryScheduleAsync(string orchestrationName, object input, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.CreateOrchestrationInstanceAsync(orchestrationName, string.Empty, instanceId, input, tags: null, dedupeStatuses: RefusedWhile);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    internal static DurableInstanceStatus Map(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => DurableInstanceStatus.Pending,
        OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew => DurableInstanceStatus.Running,
        OrchestrationStatus.Suspended => DurableInstanceStatus.Suspended,
        OrchestrationStatus.Completed => DurableInstanceStatus.Completed,
        OrchestrationStatus.Failed => DurableInstanceStatus.Failed,
        OrchestrationStatus.Terminated => DurableInstanceStatus.Terminated,
        _ => DurableInstanceStatus.Other,
    };
}
