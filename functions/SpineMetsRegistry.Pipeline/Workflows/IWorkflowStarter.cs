using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.Pipeline.Workflows;

/// <summary>What happened when a workflow start was requested.</summary>
public enum WorkflowStartResult
{
    /// <summary>A new instance started.</summary>
    Started,

    /// <summary>An instance with this ID is running or pending: nothing new started.</summary>
    AlreadyRunning,

    /// <summary>An instance with this ID completed: the upload was already ingested.</summary>
    AlreadyCompleted,

    /// <summary>An instance with this ID had failed and was started again.</summary>
    Restarted,
}

/// <summary>
/// Starts ingest workflows with a deterministic instance ID, so a repeated event or an
/// identical re-upload never starts a second run. Implemented over the Durable Task engine's
/// client in both hosts (<see cref="Durable.DurableWorkflowStarter"/>).
/// </summary>
public interface IWorkflowStarter
{
    /// <summary>Starts (or declines to start) the ingest workflow for an upload.</summary>
    Task<WorkflowStartResult> StartIngestAsync(IngestRequest request, CancellationToken cancellationToken = default);
}
