using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest.Orchestration;

/// <summary>
/// How far a running ingest has got: the orchestration's custom status, read back by the
/// batch API and the dashboard while a batch runs.
/// </summary>
/// <param name="Step">The step in progress: one of <see cref="IngestSteps"/>.</param>
/// <param name="ChunksStored">Chunks stored so far.</param>
/// <param name="ChunkTotal">Chunks to store (0 until validation has counted them).</param>
public sealed record IngestProgress(string Step, int ChunksStored, int ChunkTotal)
{
    /// <summary>Progress before anything ran.</summary>
    public static IngestProgress Starting { get; } = new(IngestSteps.Receive, 0, 0);
}

/// <summary>The step names progress reports (stable: clients show them).</summary>
public static class IngestSteps
{
    /// <summary>Copying the upload to the intake area.</summary>
    public const string Receive = "receive";

    /// <summary>Validating and gating.</summary>
    public const string Validate = "validate";

    /// <summary>Storing chunks.</summary>
    public const string Store = "store";

    /// <summary>Recomputing aggregates.</summary>
    public const string Aggregate = "aggregate";

    /// <summary>Updating the follow-up schedule.</summary>
    public const string Schedule = "schedule";

    /// <summary>Writing the receipt.</summary>
    public const string Complete = "complete";
}

/// <summary>
/// Reads the progress of a batch's ingest from the engine that runs it (the local DTFx task
/// hub, or the Durable Functions client in Azure).
/// </summary>
public interface IIngestProgress
{
    /// <summary>The progress of the batch's orchestration, or null when none is running (finished, purged or never started).</summary>
    Task<IngestProgress?> GetAsync(BatchKey key, CancellationToken cancellationToken = default);
}

/// <summary>For a host without an engine client (progress is simply not shown).</summary>
public sealed class NoIngestProgress : IIngestProgress
{
    /// <inheritdoc />
    public Task<IngestProgress?> GetAsync(BatchKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult<IngestProgress?>(null);
}
