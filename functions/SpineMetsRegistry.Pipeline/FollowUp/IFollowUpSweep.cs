namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>
/// The daily follow-up sweep: tells each site which expected visits changed reminder state
/// (a digest under its own <c>reminders/</c> prefix), records what it told, and on the
/// configured weekday writes the committee's compliance digest. Idempotent: running it twice
/// for the same day sends nothing twice; a sweep that did not run for some days catches up.
/// The local host runs it daily and the Functions app from a timer trigger.
/// </summary>
public interface IFollowUpSweep
{
    /// <summary>Sweeps every day from the one after the last swept day up to <paramref name="asOf"/> (UTC day).</summary>
    Task<FollowUpSweepResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken = default);
}
