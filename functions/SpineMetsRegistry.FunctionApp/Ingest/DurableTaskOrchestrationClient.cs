using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// Adapts one invocation's <see cref="DurableTaskClient"/> binding onto the pipeline's
/// <see cref="IOrchestrationClient"/>: maps the runtime status and turns the task hub's
/// "already exists" refusal (an exception) into a result.
/// </summary>
internal sealed class DurableTaskOrchestrationClient(DurableTaskClient client) : IOrchestrationClient
{
    public async Task<DurableInstanceStatus> GetStatusAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return instance is null ? DurableInstanceStatus.NotFound : Map(instance.RuntimeStatus);
    }

    public async Task<bool> TryScheduleAsync(string orchestrationName, object input, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrationName, input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
        {
            // Older clients surface the task hub's refusal as the raw gRPC status.
            return false;
        }
    }

    // Only the current statuses are named: the obsolete ones (ContinuedAsNew, Canceled) fall
    // to Other, which lets the task hub arbitrate.
    private static DurableInstanceStatus Map(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => DurableInstanceStatus.Pending,
        OrchestrationRuntimeStatus.Running => DurableInstanceStatus.Running,
        OrchestrationRuntimeStatus.Suspended => DurableInstanceStatus.Suspended,
        OrchestrationRuntimeStatus.Completed => DurableInstanceStatus.Completed,
        OrchestrationRuntimeStatus.Failed => DurableInstanceStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => DurableInstanceStatus.Terminated,
        _ => DurableInstanceStatus.Other,
    };
}
