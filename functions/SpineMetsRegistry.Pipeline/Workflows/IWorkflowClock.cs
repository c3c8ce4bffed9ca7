using Microsoft.DurableTask;
using SpineMetsRegistry.Pipeline.Workflows.Durable;

namespace SpineMetsRegistry.Pipeline.Workflows;

/// <summary>
/// The time an orchestration hands its activities (what the ledger, audit and records call
/// "when"). Read only inside orchestrator code, so it must be replay-safe: the value given to
/// an activity that already completed is never sent again (its result comes from history).
/// </summary>
public interface IWorkflowClock
{
    /// <summary>The workflow time now.</summary>
    DateTimeOffset Now(TaskOrchestrationContext context);
}

/// <summary>
/// The engine's replay-safe clock (<c>CurrentUtcDateTime</c>): what every host uses in
/// normal operation.
/// </summary>
public sealed class OrchestrationClock : IWorkflowClock
{
    /// <summary>The one instance.</summary>
    public static OrchestrationClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTimeOffset Now(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DurableClock.ToWorkflowTime(context.CurrentUtcDateTime);
    }
}

/// <summary>
/// The host's <see cref="TimeProvider"/> as the workflow clock: for a host whose clock is not
/// the system clock (tests that freeze time so two runs' time columns compare exactly, and
/// the follow-up tests that move it by days). It is replay-safe for the reason the interface
/// gives: a replay may read a different time, but only calls not yet in history are sent it.
/// </summary>
/// <param name="time">The host's clock.</param>
public sealed class TimeProviderClock(TimeProvider time) : IWorkflowClock
{
    /// <inheritdoc />
    public DateTimeOffset Now(TaskOrchestrationContext context) => time.GetUtcNow();
}
