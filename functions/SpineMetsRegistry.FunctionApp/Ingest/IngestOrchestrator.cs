using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// The ingest orchestration: the same <see cref="IngestWorkflow"/> the local host runs, hosted
/// by Durable Functions. Orchestrator code replays, so nothing here may do I/O or read a clock
/// other than the context's (the workflow is written that way).
/// </summary>
public static class IngestOrchestrator
{
    // Built once: the policy is a constant, and the orchestrator must not resolve services.
    private static readonly TaskOptions ActivityOptions = DurableWorkflowContext.RetryingWith(WorkflowRetryPolicy.Default);

    /// <summary>Runs the ingest workflow for the upload in the orchestration input.</summary>
    [Function(IngestActivityNames.Workflow)]
    public static Task<IngestOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetInput<IngestRequest>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no ingest request.");
        return IngestWorkflow.RunAsync(new DurableWorkflowContext(context, ActivityOptions), request);
    }
}
