using Microsoft.DurableTask;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Ingest.Orchestration;

/// <summary>A run of consecutive patient groups whose schedules one sub-orchestration updates.</summary>
/// <param name="Site">Site code.</param>
/// <param name="BatchKey">Batch key value.</param>
/// <param name="FirstGroup">The first group number (0-based).</param>
/// <param name="Count">How many groups.</param>
/// <param name="At">The workflow clock when the schedule step began (every group's arrival day).</param>
public sealed record ScheduleSegment(string Site, string BatchKey, int FirstGroup, int Count, DateTimeOffset At);

/// <summary>
/// How the schedule groups of <see cref="PlanScheduleActivity"/> are updated
/// (<see cref="ActivityWaves"/>): in waves of <see cref="GroupWaveSize"/> concurrent activity
/// calls, and, for a large batch, in segments of <see cref="GroupsPerSegment"/> groups, one
/// sub-orchestration each.
/// </summary>
public static class ScheduleSegments
{
    /// <summary>
    /// Groups of one batch updated concurrently. Few: a group already keeps several transactions
    /// in flight, the groups of one site write the same site partition of the schedule (whose
    /// throughput target is per partition), and each group's length, which is what keeps it
    /// within the engine's message lease, grows with every group sharing the storage at once.
    /// Other sites' batches run beside them.
    /// </summary>
    public const int GroupWaveSize = 2;

    /// <summary>Groups per sub-orchestration (32 waves; 64,000 patients).</summary>
    public const int GroupsPerSegment = 64;

    /// <summary>The segments of a batch of <paramref name="groupCount"/> groups, in order, all with the step's clock <paramref name="at"/>.</summary>
    public static IEnumerable<ScheduleSegment> Split(string site, string batchKey, int groupCount, DateTimeOffset at) =>
        ActivityWaves.Split(groupCount, GroupsPerSegment).Select(s => new ScheduleSegment(site, batchKey, s.First, s.Count, at));

    /// <summary>Updates a segment's groups wave by wave in the calling orchestration; returns the expected visits they have after it.</summary>
    public static Task<int> RunWavesAsync(TaskOrchestrationContext context, ScheduleSegment segment, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(segment);
        return ActivityWaves.RunAsync(
            segment.FirstGroup,
            segment.Count,
            GroupWaveSize,
            group => context.CallActivityAsync<int>(IngestActivityNames.ScheduleGroup, new ScheduleGroupStep(segment.Site, segment.BatchKey, group, segment.At), options),
            0,
            (total, visits) => checked(total + visits));
    }
}

/// <summary>
/// Updates the schedules of one <see cref="ScheduleSegment"/> of a large batch (a
/// sub-orchestration of <see cref="IngestOrchestrator"/>), with the same retry policy.
/// </summary>
public sealed class ScheduleSegmentOrchestrator : TaskOrchestrator<ScheduleSegment, int>
{
    private readonly TaskOptions? _activityOptions;

    /// <summary>The production orchestrator: <see cref="WorkflowRetryPolicy.Default"/>.</summary>
    public ScheduleSegmentOrchestrator()
        : this(WorkflowRetryPolicy.Default)
    {
    }

    /// <summary>An orchestrator with a host-chosen retry policy (the clock is the segment's: every group of a batch has one arrival day).</summary>
    public ScheduleSegmentOrchestrator(WorkflowRetryPolicy retry) => _activityOptions = Workflows.Durable.DurableRetrySettings.ToTaskOptions(retry);

    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, ScheduleSegment input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var segment = input ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no schedule segment.");
        return ScheduleSegments.RunWavesAsync(context, segment, _activityOptions);
    }
}
