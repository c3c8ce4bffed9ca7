namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// One expected follow-up visit of the protocol: a target day after the index treatment and
/// a window around it.
/// </summary>
/// <param name="Code">The time point code used in batches (e.g. "12w").</param>
/// <param name="TargetDay">Days after the index treatment (12 weeks = 84).</param>
/// <param name="WindowBeforeDays">How many days before the target the window opens.</param>
/// <param name="WindowAfterDays">How many days after the target the window closes.</param>
public sealed record FollowUpTimePoint(string Code, int TargetDay, int WindowBeforeDays, int WindowAfterDays);
