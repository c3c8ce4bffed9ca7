namespace SpineMetsRegistry.Pipeline.Workflows.Durable;

/// <summary>
/// The runtime status of a Durable Functions orchestration instance, as the start decision
/// needs it. Mirrors <c>Microsoft.DurableTask.Client.OrchestrationRuntimeStatus</c> (which
/// the Functions app maps onto this), plus <see cref="NotFound"/> for an ID never used and
/// <see cref="Other"/> for any status a later Durable version may add.
/// </summary>
public enum DurableInstanceStatus
{
    /// <summary>No instance has this ID.</summary>
    NotFound,

    /// <summary>Scheduled, not yet started.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Suspended by an operator; resumes where it stopped.</summary>
    Suspended,

    /// <summary>Completed normally.</summary>
    Completed,

    /// <summary>Ended with an unhandled failure.</summary>
    Failed,

    /// <summary>Terminated through the management API.</summary>
    Terminated,

    /// <summary>A status this code does not know (obsolete or newer ones).</summary>
    Other,
}
