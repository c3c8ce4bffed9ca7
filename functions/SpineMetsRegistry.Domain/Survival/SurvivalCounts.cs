using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Survival;

/// <summary>Deaths and censorings on one day.</summary>
/// <param name="Events">Deaths.</param>
/// <param name="Censored">Censored times.</param>
public readonly record struct DayCounts(long Events, long Censored)
{
    /// <summary>Both counts added.</summary>
    /// <param name="other">The other counts.</param>
    public DayCounts Merge(DayCounts other) => new(checked(Events + other.Events), checked(Censored + other.Censored));
}

/// <summary>
/// The sufficient statistics of a Kaplan-Meier curve, a log-rank test and the number at risk:
/// deaths and censorings per day since the index treatment. A site keeps them per group; the
/// pooled counts are their sums (associative, commutative), and every survival estimate of
/// the pooled cohort computed from them equals the one computed from all patients at once.
/// </summary>
public sealed class SurvivalCounts
{
    // Ascending distinct days and their counts, never changed once made.
    private readonly decimal[] days;
    private readonly DayCounts[] counts;

    internal SurvivalCounts(decimal[] days, DayCounts[] counts, long total)
    {
        this.days = days;
        this.counts = counts;
        Total = total;
    }

    /// <summary>No patient.</summary>
    public static SurvivalCounts Empty { get; } = new([], [], 0);

    /// <summary>Counts of the given observations.</summary>
    /// <param name="observations">Survival times.</param>
    public static SurvivalCounts Of(IEnumerable<SurvivalObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var builder = new SurvivalCountsBuilder();
        foreach (var observation in observations)
        {
            builder.Add(observation);
        }

        return builder.ToSurvivalCounts();
    }

    /// <summary>Counts rebuilt from stored per-day counts.</summary>
    /// <param name="entries">Day and counts; a day may repeat (counts add).</param>
    public static SurvivalCounts FromDays(IEnumerable<KeyValuePair<decimal, DayCounts>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new SurvivalCountsBuilder();
        foreach (var (day, dayCounts) in entries)
        {
            builder.Add(day, dayCounts);
        }

        return builder.ToSurvivalCounts();
    }

    /// <summary>Number of patients.</summary>
    public long Total { get; }

    /// <summary>Times (days in the registry) with at least one death or censoring, ascending.</summary>
    public IEnumerable<KeyValuePair<decimal, DayCounts>> Days
    {
        get
        {
            for (var i = 0; i < days.Length; i++)
            {
                yield return new KeyValuePair<decimal, DayCounts>(days[i], counts[i]);
            }
        }
    }

    /// <summary>The counts of two disjoint cohorts (site to pooled).</summary>
    /// <param name="other">The other counts.</param>
    public SurvivalCounts Merge(SurvivalCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.days.Length == 0)
        {
            return this;
        }

        if (days.Length == 0)
        {
            return other;
        }

        var builder = new SurvivalCountsBuilder();
        builder.Add(this);
        builder.Add(other);
        return builder.ToSurvivalCounts();
    }

    /// <summary>The counts of many disjoint cohorts.</summary>
    /// <param name="parts">The parts.</param>
    public static SurvivalCounts MergeAll(IEnumerable<SurvivalCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new SurvivalCountsBuilder();
        foreach (var part in parts)
        {
            builder.Add(part);
        }

        return builder.ToSurvivalCounts();
    }

    /// <summary>Number at risk at a day: patients whose time is that day or later (deaths on the day included).</summary>
    /// <param name="day">Day since the index treatment.</param>
    public long AtRisk(decimal day)
    {
        var before = 0L;
        for (var i = 0; i < days.Length && days[i] < day; i++)
        {
            before += counts[i].Events + counts[i].Censored;
        }

        return Total - before;
    }

    /// <summary>The arrays, for a builder that adds these counts to its own.</summary>
    internal (decimal[] Days, DayCounts[] Counts) Arrays => (days, counts);
}

/// <summary>
/// Builds <see cref="SurvivalCounts"/> from many patients or many cohorts, in place: what a
/// site's statistics are folded into patient by patient. Adding the same patients in any order
/// gives the same counts.
/// </summary>
public sealed class SurvivalCountsBuilder
{
    private readonly SortedCountsBuilder<DayCounts> _days = new((a, b) => a.Merge(b));
    private long _total;

    /// <summary>Adds one patient.</summary>
    /// <param name="observation">The patient's time.</param>
    public void Add(SurvivalObservation observation) =>
        Add(observation.Time, observation.IsEvent ? new DayCounts(1, 0) : new DayCounts(0, 1));

    /// <summary>Adds deaths and censorings on one day.</summary>
    /// <param name="day">Day since the index treatment (0 or more).</param>
    /// <param name="counts">The counts (each 0 or more).</param>
    public void Add(decimal day, DayCounts counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(day);
        ArgumentOutOfRangeException.ThrowIfNegative(counts.Events);
        ArgumentOutOfRangeException.ThrowIfNegative(counts.Censored);
        if (counts.Events + counts.Censored == 0)
        {
            return;
        }

        _days.Add(day, counts);
        _total = checked(_total + counts.Events + counts.Censored);
    }

    /// <summary>Adds the counts of another, disjoint cohort.</summary>
    /// <param name="counts">The counts.</param>
    public void Add(SurvivalCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (days, dayCounts) = counts.Arrays;
        _days.AddSorted(days, dayCounts);
        _total = checked(_total + counts.Total);
    }

    /// <summary>The counts added so far.</summary>
    public SurvivalCounts ToSurvivalCounts()
    {
        var (days, counts) = _days.ToArrays();
        return days.Length == 0 ? SurvivalCounts.Empty : new SurvivalCounts(days, counts, _total);
    }
}
