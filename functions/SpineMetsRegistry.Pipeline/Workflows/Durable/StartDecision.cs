namespace SpineMetsRegistry.Pipeline.Workflows.Durable;

/// <summary>
/// What to do when an ingest start is requested for an instance ID that may already exist
/// in the task hub: schedule a new run or not, and what to report. Durable Functions replaces
/// a non-running instance when one is scheduled under its ID, and refuses (throws) for a
/// pending or running one, so a finished batch must be recognised before scheduling.
/// </summary>
/// <param name="Schedules">Whether a new orchestration is scheduled.</param>
/// <param name="Result">What the start reports (when scheduling, if it succeeds).</param>
public sealed record StartDecision(bool Schedules, WorkflowStartResult Result)
{
    /// <summary>What a start reports when scheduling found the instance already there (a concurrent start won).</summary>
    public const WorkflowStartResult WhenAlreadyExists = WorkflowStartResult.AlreadyRunning;

    /// <summary>Decides from the existing instance's status.</summary>
    public static StartDecision For(DurableInstanceStatus existing) => existing switch
    {
        DurableInstanceStatus.NotFound => new(true, WorkflowStartResult.Started),

        // The upload was ingested: a repeated event or an identical re-upload changes nothing.
        DurableInstanceStatus.Completed => new(false, WorkflowStartResult.AlreadyCompleted),

        // Alive: a suspended instance is resumed by an operator, never replaced by an event.
        DurableInstanceStatus.Pending or DurableInstanceStatus.Running or DurableInstanceStatus.Suspended => new(false, WorkflowStartResult.AlreadyRunning),

        // Ended without completing: the same upload announced again runs again from the start.
        DurableInstanceStatus.Failed or DurableInstanceStatus.Terminated => new(true, WorkflowStartResult.Restarted),

        // Unknown: let the task hub arbitrate; it refuses a live instance (reported as already running).
        _ => new(true, WorkflowStartResult.Restarted),
    };
}
