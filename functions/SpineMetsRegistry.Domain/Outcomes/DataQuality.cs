using System.Collections.Immutable;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>
/// Mergeable data-quality counts of one site (several sites merge into a network figure):
/// follow-up compliance per time point (visits completed within their window over visits due),
/// missing values per key field (missing over records that should carry the field), batches
/// rejected over batches received, and the exact upload-to-completed times in whole seconds.
/// </summary>
public sealed record DataQualityCounts
{
    /// <summary>No data.</summary>
    public static DataQualityCounts Empty { get; } = new();

    /// <summary>Per time point: completed within window (numerator) over due (denominator).</summary>
    public ImmutableSortedDictionary<string, ProportionCounts> Compliance { get; init; } = ImmutableSortedDictionary.Create<string, ProportionCounts>(StringComparer.Ordinal);

    /// <summary>Per field: missing (numerator) over records expected to carry it (denominator).</summary>
    public ImmutableSortedDictionary<string, ProportionCounts> Missing { get; init; } = ImmutableSortedDictionary.Create<string, ProportionCounts>(StringComparer.Ordinal);

    /// <summary>Batches rejected (numerator) over batches received (denominator).</summary>
    public ProportionCounts Batches { get; init; }

    /// <summary>Upload-to-completed time of completed batches, whole seconds, exact counts.</summary>
    public ValueCounts ProcessingSeconds { get; init; } = ValueCounts.Empty;

    /// <summary>A due visit at a time point: completed within its window or not.</summary>
    /// <param name="timePoint">Time-point code.</param>
    /// <param name="completedWithinWindow">Whether it was completed within the window.</param>
    public DataQualityCounts AddDueVisit(string timePoint, bool completedWithinWindow) =>
        this with { Compliance = Compliance.SetItem(timePoint, Get(Compliance, timePoint).Add(completedWithinWindow)) };

    /// <summary>A record expected to carry a key field.</summary>
    /// <param name="field">Field code.</param>
    /// <param name="missing">Whether the value is missing.</param>
    public DataQualityCounts AddFieldValue(string field, bool missing) =>
        this with { Missing = Missing.SetItem(field, Get(Missing, field).Add(missing)) };

    /// <summary>A received batch.</summary>
    /// <param name="rejected">Whether it was rejected (quarantined or held whole).</param>
    /// <param name="processingTime">Upload to completed, when it completed.</param>
    public DataQualityCounts AddBatch(bool rejected, TimeSpan? processingTime) => this with
    {
        Batches = Batches.Add(rejected),
        ProcessingSeconds = processingTime is { } t ? ProcessingSeconds.Add((decimal)Math.Round(t.TotalSeconds)) : ProcessingSeconds,
    };

    /// <summary>The counts of two sites (or periods).</summary>
    /// <param name="other">The other counts.</param>
    public DataQualityCounts Merge(DataQualityCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new DataQualityCounts
        {
            Compliance = other.Compliance.Aggregate(Compliance, (acc, e) => acc.SetItem(e.Key, Get(acc, e.Key).Merge(e.Value))),
            Missing = other.Missing.Aggregate(Missing, (acc, e) => acc.SetItem(e.Key, Get(acc, e.Key).Merge(e.Value))),
            Batches = Batches.Merge(other.Batches),
            ProcessingSeconds = ProcessingSeconds.Merge(other.ProcessingSeconds),
        };
    }

    /// <summary>
    /// The rates, each with its Wilson 95% interval (Newcombe 1998), and the exact median
    /// upload-to-completed time (Hyndman-Fan 7 median of the exact seconds).
    /// </summary>
    public DataQualitySummary Summarise() => new(
        Compliance.ToImmutableSortedDictionary(e => e.Key, e => e.Value.Estimate(), StringComparer.Ordinal),
        Missing.ToImmutableSortedDictionary(e => e.Key, e => e.Value.Estimate(), StringComparer.Ordinal),
        Batches.Estimate(),
        ProcessingSeconds.Median is { } m ? TimeSpan.FromSeconds((double)m) : null);

    private static ProportionCounts Get(ImmutableSortedDictionary<string, ProportionCounts> map, string key) =>
        map.TryGetValue(key, out var c) ? c : default;
}

/// <summary>A site's data quality as rates.</summary>
/// <param name="Compliance">Follow-up compliance per time point.</param>
/// <param name="MissingRate">Missing-data rate per key field.</param>
/// <param name="BatchRejectionRate">Batches rejected over received.</param>
/// <param name="MedianProcessingTime">Median upload-to-completed time.</param>
public sealed record DataQualitySummary(
    IReadOnlyDictionary<string, ProportionEstimate?> Compliance,
    IReadOnlyDictionary<string, ProportionEstimate?> MissingRate,
    ProportionEstimate? BatchRejectionRate,
    TimeSpan? MedianProcessingTime);
