using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Pipeline.Schedule;

/// <summary>What the daily sweep last told a site about one expected visit.</summary>
/// <param name="State">The state announced.</param>
/// <param name="Day">The sweep day it was announced.</param>
public sealed record ReminderNotice(VisitState State, DateOnly Day);

/// <summary>How far the sweep has got.</summary>
/// <param name="LastDay">The last day swept completely: the next sweep starts the day after.</param>
/// <param name="FirstDayRead">
/// The first index day the sweep of <paramref name="LastDay"/> read (it may have caught up
/// several days), or null when it read the whole schedule (the first sweep ever). A rerun of
/// <paramref name="LastDay"/> reads the same days again, so it regenerates the same digest.
/// </param>
public sealed record SweepWatermark(DateOnly LastDay, DateOnly? FirstDayRead);

/// <summary>
/// What the sweep has sent: how far it has got (so a sweep that did not run catches up),
/// the protocol it last applied to the schedule, and, per expected visit, the last state
/// announced (so nothing is sent twice).
/// </summary>
public interface IReminderLog
{
    /// <summary>The watermark, or null before the first sweep.</summary>
    Task<SweepWatermark?> GetWatermarkAsync(CancellationToken cancellationToken = default);

    /// <summary>Records how far the sweep has got.</summary>
    Task SetWatermarkAsync(SweepWatermark watermark, CancellationToken cancellationToken = default);

    /// <summary>The fingerprint of the follow-up protocol last applied to the whole schedule, or null.</summary>
    Task<string?> GetAppliedProtocolAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that the whole schedule follows a protocol.</summary>
    Task SetAppliedProtocolAsync(string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>The last notice for a visit, or null.</summary>
    Task<ReminderNotice?> GetLastNoticeAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default);

    /// <summary>Records the notice sent for a visit (replacing the previous one).</summary>
    Task RecordNoticeAsync(string site, string studyId, string timePoint, ReminderNotice notice, CancellationToken cancellationToken = default);
}
