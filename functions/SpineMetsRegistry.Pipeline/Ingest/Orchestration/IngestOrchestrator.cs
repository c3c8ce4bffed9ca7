using Microsoft.DurableTask;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.Pipeline.Ingest.Orchestration;

/// <summary>
/// The ingest orchestration, one copy for both hosts (Durable Functions in Azure through a
/// one-line orchestrator function; the local host through the DTFx shims): receive, validate
/// with the de-identification gate, store in bounded chunks, recompute aggregates, update the
/// follow-up schedule in bounded groups of patients, write the receipt. Deterministic (the
/// only clock is the workflow clock); passes only references and counts; its custom status is
/// the batch's <see cref="IngestProgress"/>. Every activity call carries the workflow retry policy, so
/// the engine retries the same way in both hosts.
/// </summary>
public sealed class IngestOrchestrator : TaskOrchestrator<IngestRequest, IngestOutcome>
{
    private readonly IWorkflowClock _clock;
    private readonly TaskOptions? _activityOptions;

    /// <summary>The production orchestrator: the engine's clock, <see cref="WorkflowRetryPolicy.Default"/>.</summary>
    public IngestOrchestrator()
        : this(OrchestrationClock.Instance, WorkflowRetryPolicy.Default)
    {
    }

    /// <summary>An orchestrator with a host-chosen clock and retry policy.</summary>
    public IngestOrchestrator(IWorkflowClock clock, WorkflowRetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _activityOptions = DurableRetrySettings.ToTaskOptions(retry);
    }

    /// <inheritdoc />
    public override async Task<IngestOutcome> RunAsync(TaskOrchestrationContext context, IngestRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = input ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no ingest request.");
        string? batchKey = null;
        try
        {
            context.SetCustomStatus(IngestProgress.Starting);
            var received = await context.CallActivityAsync<ReceivedBatch>(IngestActivityNames.Receive, new ReceiveInput(request, _clock.Now(context)), _activityOptions);
            batchKey = received.BatchKey;
            if (received.AlreadyCompleted)
            {
                return IngestOutcome.AlreadyIngested(request.Site, batchKey);
            }

            context.SetCustomStatus(new IngestProgress(IngestSteps.Validate, 0, 0));
            var validated = await context.CallActivityAsync<ValidatedBatch>(IngestActivityNames.Validate, new BatchStep(request.Site, batchKey, _clock.Now(context)), _activityOptions);
            var stored = StoreCounts.None;
            if (validated.StoresRecords)
            {
                stored = await StoreAsync(context, request.Site, batchKey, validated.ChunkCount);
                await context.CallActivityAsync<bool>(IngestActivityNames.RecordStored, new StoredStep(request.Site, batchKey, stored, _clock.Now(context)), _activityOptions);

                // A batch whose every record was already stored as it is changed nothing: the
                // aggregates and the schedule it would recompute are the ones there, and rewriting
                // them would only re-stamp them with this batch (a renamed re-upload, or a hostile
                // file whose valid rows are known, leaves everything else as it was).
                if (ChangesRecords(stored))
                {
                    context.SetCustomStatus(new IngestProgress(IngestSteps.Aggregate, validated.ChunkCount, validated.ChunkCount));
                    await context.CallActivityAsync<bool>(IngestActivityNames.Aggregate, new BatchStep(request.Site, batchKey, _clock.Now(context)), _activityOptions);
                    context.SetCustomStatus(new IngestProgress(IngestSteps.Schedule, validated.ChunkCount, validated.ChunkCount));
                    await ScheduleAsync(context, request.Site, batchKey);
                }
            }

            context.SetCustomStatus(new IngestProgress(IngestSteps.Complete, validated.StoresRecords ? validated.ChunkCount : 0, validated.StoresRecords ? validated.ChunkCount : 0));
            await context.CallActivityAsync<bool>(IngestActivityNames.Complete, new StoredStep(request.Site, batchKey, stored, _clock.Now(context)), _activityOptions);
            return new IngestOutcome(request.Site, batchKey, validated.Decision, stored);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await context.CallActivityAsync<bool>(
                IngestActivityNames.RecordFailure,
                new FailureStep(request.Site, batchKey, FailureText.Describe(exception), _clock.Now(context)),
                _activityOptions);
            throw;
        }
    }

    // Inserted, corrected or withdrawn records: only then can an aggregate or a visit differ.
    private static bool ChangesRecords(StoreCounts stored) => stored.Inserted + stored.Updated + stored.Withdrawn > 0;

    /// <summary>
    /// Stores every chunk: in this orchestration's own history for a batch of up to
    /// <see cref="ChunkSegments.ChunksPerSegment"/> chunks, otherwise one sub-orchestration
    /// per segment, so no instance's history (which every replay reads) grows with the batch.
    /// </summary>
    private async Task<StoreCounts> StoreAsync(TaskOrchestrationContext context, string site, string batchKey, int chunkCount)
    {
        var total = StoreCounts.None;
        context.SetCustomStatus(new IngestProgress(IngestSteps.Store, 0, chunkCount));
        if (chunkCount <= ChunkSegments.ChunksPerSegment)
        {
            return await ChunkSegments.StoreWavesAsync(context, new ChunkSegment(site, batchKey, 0, chunkCount), _clock, _activityOptions, chunkCount);
        }

        foreach (var segment in ChunkSegments.Split(site, batchKey, chunkCount))
        {
            var counts = await context.CallSubOrchestratorAsync<StoreCounts>(IngestActivityNames.StoreChunkSegment, segment);
            total = total.Add(counts);
            context.SetCustomStatus(new IngestProgress(IngestSteps.Store, segment.FirstChunk + segment.Count, chunkCount));
        }

        return total;
    }

    /// <summary>
    /// Updates the schedule: the patients in groups (<see cref="PlanScheduleActivity"/>), each
    /// group its own activity, in this orchestration's history for up to
    /// <see cref="ScheduleSegments.GroupsPerSegment"/> groups and otherwise in one
    /// sub-orchestration per segment; then the ledger. Every group gets the step's clock, so the
    /// batch has one arrival day even if the step runs past midnight, and so does the ledger's
    /// "scheduled" event.
    /// </summary>
    private async Task ScheduleAsync(TaskOrchestrationContext context, string site, string batchKey)
    {
        var at = _clock.Now(context);
        var plan = await context.CallActivityAsync<SchedulePlan>(IngestActivityNames.PlanSchedule, new BatchStep(site, batchKey, at), _activityOptions);
        var visits = 0;
        foreach (var segment in ScheduleSegments.Split(site, batchKey, plan.Groups, at))
        {
            visits = checked(visits + (plan.Groups <= ScheduleSegments.GroupsPerSegment
                ? await ScheduleSegments.RunWavesAsync(context, segment, _activityOptions)
                : await context.CallSubOrchestratorAsync<int>(IngestActivityNames.ScheduleGroupSegment, segment)));
        }

        // The step's start, as every other ledger event carries the time its step was scheduled.
        await context.CallActivityAsync<bool>(IngestActivityNames.RecordScheduled, new ScheduledStep(site, batchKey, plan.Patients, visits, at), _activityOptions);
    }
}
