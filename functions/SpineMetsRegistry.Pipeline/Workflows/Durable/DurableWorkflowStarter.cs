using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.Pipeline.Workflows.Durable;

/// <summary>
/// Starts the ingest orchestration under the upload's deterministic instance ID: a repeated
/// event or an identical re-upload never starts a second run, a failed or terminated run is
/// started again, and a concurrent start of the same upload is reported as already running.
/// </summary>
public sealed class DurableWorkflowStarter(IOrchestrationClient client) : IWorkflowStarter
{
    /// <inheritdoc />
    public async Task<WorkflowStartResult> StartIngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = request.Key.InstanceId;
        var decision = StartDecision.For(await client.GetStatusAsync(instanceId, cancellationToken));
        if (!decision.Schedules)
        {
            return decision.Result;
        }

        return await client.TryScheduleAsync(IngestActivityNames.Workflow, request, instanceId, cancellationToken)
            ? decision.Result
            : StartDecision.WhenAlreadyExists;
    }
}
