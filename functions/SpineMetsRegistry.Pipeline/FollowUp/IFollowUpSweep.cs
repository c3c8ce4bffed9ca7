namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>What one follow-up sweep did.</summary>
/// <param name="AsOf">The day swept up to (inclusive).</param>
/// <param name="DaysSwept">Days covered by this run (more than one when earlier sweeps were missed; 0 when already swept).</param>
/// <param name="RemindersSent">Reminder notices written to site digests by this run.</param>
public sealed record FollowUpSweepResult(DateOnly AsOf, int DaysSwept, int RemindersSent);

/// <summary>
/// The daily follow-up sweep: reads the schedule's due window up to <c>asOf</c>, writes each
/// site a reminder digest, and records what it sent so a rerun sends nothing twice. Called
/// by the Functions timer trigger, the operator endpoint and the local host's daily timer.
/// </summary>
public interface IFollowUpSweep
{
    /// <summary>Sweeps every day not yet swept, up to and including <paramref name="asOf"/>.</summary>
    Task<FollowUpSweepResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken);
}
