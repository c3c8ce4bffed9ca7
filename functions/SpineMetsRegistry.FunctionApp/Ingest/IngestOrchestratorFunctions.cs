using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// The orchestrator functions: one-line wrappers over the Pipeline's orchestrator classes,
/// which the local host runs unchanged (the Durable source generator that would bind the
/// classes directly is not used).
/// </summary>
public static class IngestOrchestratorFunctions
{
    /// <summary>The ingest orchestration for the upload in the orchestration input.</summary>
    [Function(IngestActivityNames.Workflow)]
    public static Task<IngestOutcome> IngestBatch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new IngestOrchestrator().RunAsync(context, context.GetInput<IngestRequest>()!);

    /// <summary>Stores one segment of a large batch's chunks.</summary>
    [Function(IngestActivityNames.StoreChunkSegment)]
    public static Task<StoreCounts> StoreChunkSegment([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ChunkSegmentOrchestrator().RunAsync(context, context.GetInput<ChunkSegment>()!);

    /// <summary>Updates the schedule of one segment of a large batch's patient groups.</summary>
    [Function(IngestActivityNames.ScheduleGroupSegment)]
    public static Task<int> ScheduleGroupSegment([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ScheduleSegmentOrchestrator().RunAsync(context, context.GetInput<ScheduleSegment>()!);
}
