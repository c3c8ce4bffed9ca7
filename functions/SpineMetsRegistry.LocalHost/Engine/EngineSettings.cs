namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// How the local Durable Task engine runs (configuration section <c>Registry:Engine</c>), tuned
/// for a laptop. host.json carries the same choices for the Functions host where they apply.
/// </summary>
public sealed record EngineSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Registry:Engine";

    /// <summary>
    /// The longest wait between polls of an empty queue. DTFx backs off to 30 s by default, which
    /// a site would see as a slow receipt; 1 s keeps it short at the cost of a few storage reads.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued orchestration message stays invisible: what a killed host leaves
    /// hidden before another picks it up (DTFx default 5 min).
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The same for an activity message (the engine renews it while the activity runs).</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a partition lease lasts unless renewed: a killed worker's partitions move after this.</summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often held leases are renewed.</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a worker looks for leases to take.</summary>
    public TimeSpan LeaseAcquireInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Control queues (the most workers that share orchestrations); host.json partitionCount.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Activities one worker runs at once; host.json maxConcurrentActivityFunctions.</summary>
    public int MaxConcurrentActivities { get; init; } = 8;

    /// <summary>Orchestration episodes one worker runs at once; host.json maxConcurrentOrchestratorFunctions.</summary>
    public int MaxConcurrentOrchestrations { get; init; } = 4;

    /// <summary>How long a finished instance's history is kept before it is purged (the ledger keeps the outcome).</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>How often finished instances older than the retention are purged.</summary>
    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The name this process holds partition leases under; null (the default) makes one unique
    /// to the process. A process restarted under the name its dead predecessor used takes that
    /// predecessor's partitions back at once instead of waiting for their leases to expire (what
    /// a Functions host restarted on the same instance does). Two live processes must never
    /// share a name: they would both listen to the same control queues.
    /// </summary>
    public string? WorkerId { get; init; }

    /// <summary>The retention as a span.</summary>
    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
