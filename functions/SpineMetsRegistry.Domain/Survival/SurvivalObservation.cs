namespace SpineMetsRegistry.Domain.Survival;

/// <summary>
/// One patient's overall-survival time: from the index treatment to death (an event) or to the
/// last date known alive (censored). The registry measures it in whole days; the estimators accept
/// any non-negative time (e.g. weeks in a textbook example checked with <c>spinemets stats km</c>).
/// </summary>
/// <param name="Time">Time since the index treatment (days in the registry), 0 or more.</param>
/// <param name="IsEvent">True for a death, false for a censored time.</param>
public readonly record struct SurvivalObservation(decimal Time, bool IsEvent);

/// <summary>Why no survival time could be derived for a patient (stable codes).</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Message">Explanation (never contains a value that identifies a patient).</param>
public sealed record SurvivalProblem(string Code, string Message)
{
    /// <summary>Code: neither a death date nor a date known alive.</summary>
    public const string NoFollowUpDateCode = "no_follow_up_date";

    /// <summary>Code: a date lies before the index treatment date.</summary>
    public const string BeforeIndexCode = "before_index";

    /// <summary>Code: a date known alive lies after the death date.</summary>
    public const string AliveAfterDeathCode = "alive_after_death";

    /// <summary>Neither a death date nor a date known alive.</summary>
    public static SurvivalProblem NoFollowUpDate() => new(NoFollowUpDateCode, "The patient has neither a death date nor a date known alive.");

    /// <summary>A date before the index treatment.</summary>
    /// <param name="what">Which date.</param>
    public static SurvivalProblem BeforeIndex(string what) => new(BeforeIndexCode, $"The {what} lies before the index treatment date.");

    /// <summary>Known alive after the recorded death.</summary>
    public static SurvivalProblem AliveAfterDeath() => new(AliveAfterDeathCode, "The last date known alive lies after the death date.");
}

/// <summary>A survival time or the reason there is none.</summary>
/// <param name="Observation">The time, when derivable.</param>
/// <param name="Problem">The reason, when not.</param>
public sealed record SurvivalObservationResult(SurvivalObservation? Observation, SurvivalProblem? Problem);

/// <summary>
/// The registry's event and censoring rule for overall survival from the index treatment date.
/// <list type="bullet">
/// <item>A deceased patient is an event at the death date.</item>
/// <item>Everyone else is censored at the last date known alive: the latest of the follow-up
/// visits' dates and the date the patient was recorded lost to follow-up.</item>
/// <item>Withdrawn patients are not in the analysis at all: withdrawal deletes the patient's
/// records (the pipeline's consent rule), so no time of theirs survives to be censored. This
/// is informative if withdrawal relates to prognosis; the committee should read the enrolment
/// counts over time with that in mind.</item>
/// <item>A patient with no date at all after the index date (no visit yet, not dead, not lost)
/// contributes nothing (<see cref="SurvivalProblem.NoFollowUpDateCode"/>) rather than a time of 0.</item>
/// </list>
/// Times are whole days (death on the index day is day 0). At a tied time, deaths precede
/// censorings, as in Kaplan and Meier (J Am Stat Assoc 1958;53:457-81).
/// </summary>
public static class SurvivalRule
{
    /// <summary>Derives a survival time from dates.</summary>
    /// <param name="indexDate">Index treatment date.</param>
    /// <param name="deathDate">Death date, when deceased.</param>
    /// <param name="lastKnownAlive">Latest date known alive (last visit or date lost), when any.</param>
    public static SurvivalObservationResult Observe(DateOnly indexDate, DateOnly? deathDate, DateOnly? lastKnownAlive) =>
        Observe(
            deathDate is { } d ? d.DayNumber - indexDate.DayNumber : null,
            lastKnownAlive is { } a ? a.DayNumber - indexDate.DayNumber : null);

    /// <summary>
    /// Derives a survival time from days after the index date (what the SafeHarbor date policy
    /// keeps instead of dates).
    /// </summary>
    /// <param name="deathDay">Day of death, when deceased.</param>
    /// <param name="lastKnownAliveDay">Latest day known alive, when any.</param>
    public static SurvivalObservationResult Observe(int? deathDay, int? lastKnownAliveDay)
    {
        if (deathDay is { } death)
        {
            if (death < 0)
            {
                return new(null, SurvivalProblem.BeforeIndex("death date"));
            }

            return lastKnownAliveDay > death
                ? new(null, SurvivalProblem.AliveAfterDeath())
                : new(new SurvivalObservation(death, IsEvent: true), null);
        }

        if (lastKnownAliveDay is not { } alive)
        {
            return new(null, SurvivalProblem.NoFollowUpDate());
        }

        return alive < 0
            ? new(null, SurvivalProblem.BeforeIndex("last date known alive"))
            : new(new SurvivalObservation(alive, IsEvent: false), null);
    }
}
