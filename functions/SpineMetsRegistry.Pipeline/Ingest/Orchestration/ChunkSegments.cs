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
/// How chunks are stored: in waves of <see cref="ChunkWaveSize"/> concurrent activity calls,
/// and, for a large batch, in segments of <see cref="ChunksPerSegment"/> chunks, one
/// sub-orchestration each. An orchestration replays its whole history at every step, so the
/// segments keep each history (and each replay) bounded whatever the batch size.
/// </summary>
public static class ChunkSegments
{
    /// <summary>Chunks stored concurrently: bounded so storage throughput stays in check.</summary>
    public const int ChunkWaveSize = 8;

    /// <summary>Chunks per sub-orchestration (eight waves).</summary>
    public const int ChunksPerSegment = 64;

    /// <summary>The segments of a batch of <paramref name="chunkCount"/> chunks, in order.</summary>
    public static IEnumerable<ChunkSegment> Split(string site, string batchKey, int chunkCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkCount);
        for (var first = 0; first < chunkCount; first += ChunksPerSegment)
        {
            yield return new ChunkSegment(site, batchKey, first, Math.Min(ChunksPerSegment, chunkCount - first));
        }
    }

    /// <summary>
    /// Stores a segment's chunks wave by wave in the calling orchestration, reporting progress
    /// after each wave (chunks of <paramref name="chunkTotal"/>); returns the totals.
    /// </summary>
    public static async Task<StoreCounts> StoreWavesAsync(TaskOrchestrationContext context, ChunkSegment segment, IWorkflowClock clock, TaskOptions? options, int chunkTotal)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(clock);
        var total = StoreCounts.None;
        var chunks = Enumerable.Range(segment.FirstChunk, segment.Count).ToList();
        for (var start = 0; start < chunks.Count; start += ChunkWaveSize)
        {
            var at = clock.Now(context);
            var wave = chunks.Skip(start).Take(ChunkWaveSize)
                .Select(chunk => context.CallActivityAsync<StoreCounts>(IngestActivityNames.StoreChunk, new ChunkStep(segment.Site, segment.BatchKey, chunk, at), options))
                .ToList();
            foreach (var counts in await Task.WhenAll(wave))
            {
                total = total.Add(counts);
            }

            context.SetCustomStatus(new IngestProgress(IngestSteps.Store, segment.FirstChunk + Math.Min(start + ChunkWaveSize, chunks.Count), chunkTotal));
        }

        return total;
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
