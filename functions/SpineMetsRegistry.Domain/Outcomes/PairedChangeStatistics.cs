using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>
/// Mergeable sufficient statistics of the paired change from baseline of one outcome at one
/// time point, over the patients with both values: the exact counts of the differences
/// (follow-up minus baseline) and the count reaching the MCID. A site keeps them; the pooled
/// statistics are the merge, and equal those of all patients at once.
/// The responder rule is <see cref="ChangeCalculator"/>'s: the improvement (the change, negated
/// for NRS pain where lower is better) is at least the MCID.
/// </summary>
public sealed class PairedChangeStatistics
{
    private PairedChangeStatistics(ScoreDirection direction, decimal? mcid, ValueCounts differences, ProportionCounts responders)
    {
        Direction = direction;
        Mcid = mcid;
        Differences = differences;
        Responders = responders;
    }

    /// <summary>Which direction of the outcome is better health.</summary>
    public ScoreDirection Direction { get; }

    /// <summary>The MCID in the outcome's units, or null when the outcome has none (no responder share).</summary>
    public decimal? Mcid { get; }

    /// <summary>Exact counts of the differences, follow-up minus baseline.</summary>
    public ValueCounts Differences { get; }

    /// <summary>Patients whose improvement reached the MCID, over patients with both values.</summary>
    public ProportionCounts Responders { get; }

    /// <summary>No pair yet.</summary>
    /// <param name="direction">Which direction is better.</param>
    /// <param name="mcid">The MCID (greater than 0), or null.</param>
    public static PairedChangeStatistics Empty(ScoreDirection direction, decimal? mcid)
    {
        if (mcid is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mcid), "The MCID must be greater than 0.");
        }

        return new PairedChangeStatistics(direction, mcid, ValueCounts.Empty, default);
    }

    /// <summary>For one of the registry's change measures, with the MCID in force.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="mcids">The MCID settings.</param>
    public static PairedChangeStatistics For(ChangeMeasure measure, McidSettings mcids)
    {
        ArgumentNullException.ThrowIfNull(mcids);
        return Empty(ChangeCodes.DirectionOf(measure), mcids.For(measure));
    }

    /// <summary>
    /// Adds one patient; a patient without both values is not a pair and changes nothing
    /// (complete pairs only: the table's n is the number of pairs).
    /// </summary>
    /// <param name="baseline">Baseline value.</param>
    /// <param name="followUp">Value at the time point.</param>
    public PairedChangeStatistics Add(decimal? baseline, decimal? followUp)
    {
        if (baseline is not { } b || followUp is not { } f)
        {
            return this;
        }

        var change = f - b;
        var improvement = Direction == ScoreDirection.LowerIsBetter ? -change : change;
        return new PairedChangeStatistics(Direction, Mcid, Differences.Add(change), Responders.Add(Mcid is { } m && improvement >= m));
    }

    /// <summary>The statistics of two disjoint sets of patients (site to pooled).</summary>
    /// <param name="other">Statistics of the same outcome, time point, direction and MCID.</param>
    public PairedChangeStatistics Merge(PairedChangeStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Direction != Direction || other.Mcid != Mcid)
        {
            throw new ArgumentException("Paired changes with different directions or MCIDs cannot be merged.", nameof(other));
        }

        return new PairedChangeStatistics(Direction, Mcid, Differences.Merge(other.Differences), Responders.Merge(other.Responders));
    }

    /// <summary>
    /// The summary: n pairs, mean change with its 95% t interval (the paired t interval: Student
    /// 1908, the interval of the mean of the differences), exact median and quartiles of the
    /// change, and the share reaching the MCID with its Wilson 95% interval (Newcombe 1998).
    /// </summary>
    public PairedChangeSummary Summarise() =>
        new(OutcomeSummary.From(Differences), Mcid is null ? null : Responders.Estimate());
}

/// <summary>A paired change from baseline as reported.</summary>
/// <param name="Change">n pairs, mean change with CI, median and IQR of the change (follow-up minus baseline).</param>
/// <param name="ReachingMcid">Share of pairs whose improvement reached the MCID, with its Wilson interval (null when no MCID or no pair).</param>
public sealed record PairedChangeSummary(OutcomeSummary Change, ProportionEstimate? ReachingMcid);
