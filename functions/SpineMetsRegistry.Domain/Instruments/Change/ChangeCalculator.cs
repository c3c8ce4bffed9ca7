using System.Globalization;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Instruments.Pain;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;

namespace SpineMetsRegistry.Domain.Instruments.Change;

/// <summary>A change score between two visits and its responder classification.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Baseline">Value at the earlier visit.</param>
/// <param name="FollowUp">Value at the later visit.</param>
/// <param name="Change">Follow-up minus baseline, in the measure's units.</param>
/// <param name="Improvement">The change signed so that positive is better health (the negated change for NRS pain).</param>
/// <param name="Direction">Which direction of the measure is better.</param>
/// <param name="Mcid">MCID applied.</param>
/// <param name="Responder">Improved when the improvement is at least the MCID, worsened when it is at most minus the MCID, else stable.</param>
public sealed record ChangeScore(
    ChangeMeasure Measure,
    decimal Baseline,
    decimal FollowUp,
    decimal Change,
    decimal Improvement,
    ScoreDirection Direction,
    decimal Mcid,
    ResponderStatus Responder);

/// <summary>
/// Change scores between two visits with a responder classification against a configurable
/// MCID (<see cref="McidSettings"/>). The direction of each measure is respected: a fall in NRS
/// pain is an improvement. A change exactly equal to the MCID counts as a response (at least
/// the MCID). Both visits must have been scored under the same rules (same EQ-5D value set,
/// same SOSGOQ definition version), otherwise the change is not computable.
/// </summary>
public static class ChangeCalculator
{
    /// <summary>The change-score rules, as an instrument.</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "Change", "registry-1", "Registry rule: follow-up minus baseline, responder against a configurable MCID.");

    /// <summary>Change between two values of a measure.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="baseline">Earlier value, <c>null</c> when not available.</param>
    /// <param name="followUp">Later value, <c>null</c> when not available.</param>
    /// <param name="mcid">The MCID (greater than 0).</param>
    public static ScoreResult<ChangeScore> Compute(ChangeMeasure measure, decimal? baseline, decimal? followUp, decimal mcid) =>
        Compute(Recorder(measure, baseline, followUp, mcid), measure, baseline, followUp, mcid);

    /// <summary>Change in NRS pain (lower is better).</summary>
    /// <param name="baseline">Earlier rating.</param>
    /// <param name="followUp">Later rating.</param>
    /// <param name="mcids">The MCIDs in force.</param>
    public static ScoreResult<ChangeScore> NrsPain(NrsPain? baseline, NrsPain? followUp, McidSettings mcids)
    {
        ArgumentNullException.ThrowIfNull(mcids);
        return Compute(ChangeMeasure.NrsPain, baseline?.Value, followUp?.Value, mcids.NrsPain);
    }

    /// <summary>Change in the EQ-5D index; both indices must come from the same value set and version.</summary>
    /// <param name="baseline">Earlier index result.</param>
    /// <param name="followUp">Later index result.</param>
    /// <param name="mcids">The MCIDs in force.</param>
    public static ScoreResult<ChangeScore> Eq5dIndex(ScoreResult<Eq5dIndexScore> baseline, ScoreResult<Eq5dIndexScore> followUp, McidSettings mcids)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(mcids);
        var recorder = Recorder(ChangeMeasure.Eq5dIndex, baseline.Score?.Index, followUp.Score?.Index, mcids.Eq5dIndex);
        if (baseline.Score is { } b && followUp.Score is { } f && (b.ValueSet != f.ValueSet || b.Version != f.Version))
        {
            return recorder.NotComputable<ChangeScore>(ScoreFailure.Incomparable(
                $"EQ-5D indices from different value sets cannot be subtracted: baseline {b.ValueSet}/{b.Version}, follow-up {f.ValueSet}/{f.Version}.",
                ["baseline", "followUp"]));
        }

        if (baseline.Score is { } scored)
        {
            recorder.Rule("valueSet", $"{scored.ValueSet}/{scored.Version}");
        }

        return Compute(recorder, ChangeMeasure.Eq5dIndex, baseline.Score?.Index, followUp.Score?.Index, mcids.Eq5dIndex);
    }

    /// <summary>Change in the SOSGOQ total; both must come from the same definition version.</summary>
    /// <param name="baseline">Earlier SOSGOQ result.</param>
    /// <param name="followUp">Later SOSGOQ result.</param>
    /// <param name="mcids">The MCIDs in force.</param>
    public static ScoreResult<ChangeScore> SosgoqTotal(ScoreResult<SosgoqScores> baseline, ScoreResult<SosgoqScores> followUp, McidSettings mcids)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(mcids);
        var b = baseline.Score?.Total.Score;
        var f = followUp.Score?.Total.Score;
        var recorder = Recorder(ChangeMeasure.SosgoqTotal, b, f, mcids.SosgoqTotal);
        if (baseline.DefinitionVersion != followUp.DefinitionVersion)
        {
            return recorder.NotComputable<ChangeScore>(ScoreFailure.Incomparable(
                $"SOSGOQ totals from different definitions cannot be subtracted: baseline {baseline.DefinitionVersion}, follow-up {followUp.DefinitionVersion}.",
                ["baseline", "followUp"]));
        }

        recorder.Rule("sosgoqDefinition", baseline.DefinitionVersion ?? "unknown");
        return Compute(recorder, ChangeMeasure.SosgoqTotal, b, f, mcids.SosgoqTotal);
    }

    private static ScoreRecorder Recorder(ChangeMeasure measure, decimal? baseline, decimal? followUp, decimal mcid) =>
        new ScoreRecorder(Instrument)
            .Input("measure", ChangeCodes.Measure.ToCode(measure))
            .Input("baseline", baseline?.ToString(CultureInfo.InvariantCulture))
            .Input("followUp", followUp?.ToString(CultureInfo.InvariantCulture))
            .Rule("mcid", mcid.ToString(CultureInfo.InvariantCulture))
            .Rule("direction", ChangeCodes.DirectionOf(measure) == ScoreDirection.LowerIsBetter ? "lower is better" : "higher is better")
            .Rule("responder", "improved when the improvement >= MCID, worsened when <= -MCID, else stable");

    private static ScoreResult<ChangeScore> Compute(ScoreRecorder recorder, ChangeMeasure measure, decimal? baseline, decimal? followUp, decimal mcid)
    {
        if (mcid <= 0)
        {
            return recorder.NotComputable<ChangeScore>(ScoreFailure.InvalidInput("mcid", "The MCID must be greater than 0."));
        }

        if (baseline is not { } b || followUp is not { } f)
        {
            return recorder.Missing<ChangeScore>();
        }

        var direction = ChangeCodes.DirectionOf(measure);
        var change = f - b;
        var improvement = direction == ScoreDirection.LowerIsBetter ? -change : change;
        var responder = improvement >= mcid ? ResponderStatus.Improved
            : improvement <= -mcid ? ResponderStatus.Worsened
            : ResponderStatus.Stable;
        return recorder.Computed(new ChangeScore(measure, b, f, change, improvement, direction, mcid, responder));
    }
}
