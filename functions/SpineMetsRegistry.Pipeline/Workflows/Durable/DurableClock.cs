namespace SpineMetsRegistry.Pipeline.Workflows.Durable;

/// <summary>
/// Converts the orchestration clock (<c>TaskOrchestrationContext.CurrentUtcDateTime</c>, a
/// <see cref="DateTime"/> that is UTC whatever its <see cref="DateTime.Kind"/> says) into the
/// workflow clock. Converting through the machine's local offset would shift replays that
/// run on hosts in other time zones, so the ticks are taken as UTC as they are.
/// </summary>
public static class DurableClock
{
    /// <summary>The same instant as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset ToWorkflowTime(DateTime orchestrationUtc) =>
        new(DateTime.SpecifyKind(orchestrationUtc, DateTimeKind.Utc));
}
