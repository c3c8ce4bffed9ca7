using System.Collections.Immutable;

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
    private readonly ImmutableSortedDictionary<decimal, DayCounts> days;

    private SurvivalCounts(ImmutableSortedDictionary<decimal, DayCounts> days, long total)
    {
        this.days = days;
        Total = total;
    }

    /// <summary>No patient.</summary>
    public static SurvivalCounts Empty { get; } = new(ImmutableSortedDictionary<decimal, DayCounts>.Empty, 0);

    /// <summary>Counts of the given observations.</summary>
    /// <param name="observations">Survival times.</param>
    public static SurvivalCounts Of(IEnumerable<SurvivalObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return observations.Aggregate(Empty, (c, o) => c.Add(o));
    }

    /// <summary>Counts rebuilt from stored per-day counts.</summary>
    /// <param name="entries">Day and counts; a day may repeat (counts add).</param>
    public static SurvivalCounts FromDays(IEnumerable<KeyValuePair<decimal, DayCounts>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = ImmutableSortedDictionary.CreateBuilder<decimal, DayCounts>();
        long total = 0;
        foreach (var (day, counts) in entries)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(day);
            ArgumentOutOfRangeException.ThrowIfNegative(counts.Events);
            ArgumentOutOfRangeException.ThrowIfNegative(counts.Censored);
            if (counts.Events + counts.Censored > 0)
            {
                Count(builder, day, counts);
                total = checked(total + counts.Events + counts.Censored);
            }
        }

        return new SurvivalCounts(builder.ToImmutable(), total);
    }

    /// <summary>Number of patients.</summary>
    public long Total { get; }

    /// <summary>Times (days in the registry) with at least one death or censoring, ascending.</summary>
    public IEnumerable<KeyValuePair<decimal, DayCounts>> Days => days;

    /// <summary>These counts with one more patient.</summary>
    /// <param name="observation">The patient's time.</param>
    public SurvivalCounts Add(SurvivalObservation observation) =>
        Add(observation.Time, observation.IsEvent ? new DayCounts(1, 0) : new DayCounts(0, 1));

    /// <summary>The counts of two disjoint cohorts (site to pooled).</summary>
    /// <param name="other">The other counts.</param>
    public SurvivalCounts Merge(SurvivalCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (large, small) = days.Count >= other.days.Count ? (this, other) : (other, this);
        if (small.days.IsEmpty)
        {
            return large;
        }

        // One builder for the whole merge (see ValueCounts.Merge): the stored days are valid already.
        var builder = large.days.ToBuilder();
        foreach (var (day, counts) in small.days)
        {
            Count(builder, day, counts);
        }

        return new SurvivalCounts(builder.ToImmutable(), checked(large.Total + small.Total));
    }

    /// <summary>The counts of many disjoint cohorts.</summary>
    /// <param name="parts">The parts.</param>
    public static SurvivalCounts MergeAll(IEnumerable<SurvivalCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = ImmutableSortedDictionary.CreateBuilder<decimal, DayCounts>();
        long total = 0;
        foreach (var part in parts)
        {
            foreach (var (day, counts) in part.days)
            {
                Count(builder, day, counts);
            }

            total = checked(total + part.Total);
        }

        return new SurvivalCounts(builder.ToImmutable(), total);
    }

    /// <summary>Number at risk at a day: patients whose time is that day or later (deaths on the day included).</summary>
    /// <param name="day">Day since the index treatment.</param>
    public long AtRisk(decimal day) => Total - days.Where(d => d.Key < day).Sum(d => d.Value.Events + d.Value.Censored);

    /// <summary>Adds to a day's counts in a builder.</summary>
    private static void Count(ImmutableSortedDictionary<decimal, DayCounts>.Builder builder, decimal day, DayCounts counts) =>
        builder[day] = builder.TryGetValue(day, out var existing) ? existing.Merge(counts) : counts;

    private SurvivalCounts Add(decimal day, DayCounts counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(day);
        ArgumentOutOfRangeException.ThrowIfNegative(counts.Events);
        ArgumentOutOfRangeException.ThrowIfNegative(counts.Censored);
        if (counts.Events + counts.Censored == 0)
        {
            return this;
        }

        var merged = days.TryGetValue(day, out var existing) ? existing.Merge(counts) : counts;
        return new SurvivalCounts(days.SetItem(day, merged), checked(Total + counts.Events + counts.Censored));
    }
}
