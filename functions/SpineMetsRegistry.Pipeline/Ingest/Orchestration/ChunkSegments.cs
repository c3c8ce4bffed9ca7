using Microsoft.DurableTask;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Ingest.Orchestration;

/// <summary>A run of consecutive chunks stored by one sub-orchestration.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="FirstChunk">The first chunk number (0-based).</param>
/// <param name="Count">How many chunks.</param>
public sealed record ChunkSegment(string Site, string BatchKey, int FirstChunk, int Count);

/// <summary>
/// How chunks are stored (<see cref="ActivityWaves"/>): in waves of <see cref="ChunkWaveSize"/>
/// concurrent activity calls, and, for a large batch, in segments of <see cref="ChunksPerSegment"/>
/// chunks, one sub-orchestration each.
/// </summary>
public static class ChunkSegments
{
    /// <summary>Chunks stored concurrently: bounded so storage throughput stays in check.</summary>
    public const int ChunkWaveSize = 8;

    /// <summary>Chunks per sub-orchestration (eight waves).</summary>
    public const int ChunksPerSegment = 64;

    /// <summary>The segments of a batch of <paramref name="chunkCount"/> chunks, in order.</summary>
    public static IEnumerable<ChunkSegment> Split(string site, string batchKey, int chunkCount) =>
        ActivityWaves.Split(chunkCount, ChunksPerSegment).Select(s => new ChunkSegment(site, batchKey, s.First, s.Count));

    /// <summary>
    /// Stores a segment's chunks wave by wave in the calling orchestration, reporting progress
    /// after each wave (chunks of <paramref name="chunkTotal"/>); returns the totals.
    /// </summary>
    public static Task<StoreCounts> StoreWavesAsync(TaskOrchestrationContext context, ChunkSegment segment, IWorkflowClock clock, TaskOptions? options, int chunkTotal)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(clock);
        return ActivityWaves.RunAsync(
            segment.FirstChunk,
            segment.Count,
            ChunkWaveSize,
            chunk => context.CallActivityAsync<StoreCounts>(IngestActivityNames.StoreChunk, new ChunkStep(segment.Site, segment.BatchKey, chunk, clock.Now(context)), options),
            StoreCounts.None,
            (total, counts) => total.Add(counts),
            done => context.SetCustomStatus(new IngestProgress(IngestSteps.Store, segment.FirstChunk + done, chunkTotal)));
    }
}

/// <summary>
/// Stores one <see cref="ChunkSegment"/> of a large batch (a sub-orchestration of
/// <see cref="IngestOrchestrator"/>), with the same clock and retry policy.
/// </summary>
public sealed class ChunkSegmentOrchestrator : TaskOrchestrator<ChunkSegment, StoreCounts>
{
    private readonly IWorkflowClock _clock;
    private readonly TaskOptions? _activityOptions;

    /// <summary>The production orchestrator: the engine's clock, <see cref="WorkflowRetryPolicy.Default"/>.</summary>
    public ChunkSegmentOrchestrator()
        : this(OrchestrationClock.Instance, WorkflowRetryPolicy.Default)
    {
    }

    /// <summary>An orchestrator with a host-chosen clock and retry policy.</summary>
    public ChunkSegmentOrchestrator(IWorkflowClock clock, WorkflowRetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _activityOptions = Workflows.Durable.DurableRetrySettings.ToTaskOptions(retry);
    }

    /// <inheritdoc />
    public override Task<StoreCounts> RunAsync(TaskOrchestrationContext context, ChunkSegment input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var segment = input ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no chunk segment.");
        return ChunkSegments.StoreWavesAsync(context, segment, _clock, _activityOptions, segment.FirstChunk + segment.Count);
    }
}
