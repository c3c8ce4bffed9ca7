using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Outcomes;

/// <summary>
/// Mergeable first-year QALY statistics of one group (e.g. a primary tumour group or an index
/// treatment): the exact sums of the patients' QALYs and the number of patients without a QALY
/// by reason, so the committee sees how many the missing-visit policy excluded. Pooled by merging
/// the sites' statistics of the same group and policy.
/// </summary>
/// <param name="Policy">The missing-visit policy the QALYs were computed under.</param>
/// <param name="Qalys">Sums of the computable QALYs.</param>
/// <param name="Excluded">Patients without a QALY, by <see cref="QalyResult"/> problem code.</param>
public sealed record QalyStatistics(MissingVisitPolicy Policy, MomentSums Qalys, CategoryCounts Excluded)
{
    /// <summary>No patient, under a policy.</summary>
    /// <param name="policy">The missing-visit policy.</param>
    public static QalyStatistics Empty(MissingVisitPolicy policy) => new(policy, MomentSums.Empty, CategoryCounts.Empty);

    /// <summary>Adds one patient's result.</summary>
    /// <param name="result">The patient's QALY or the reason there is none.</param>
    public QalyStatistics Add(QalyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Qaly is { } qaly
            ? this with { Qalys = Qalys.Add(qaly) }
            : this with { Excluded = Excluded.Add(result.Problem ?? "unknown") };
    }

    /// <summary>The statistics of two disjoint sets of patients under the same policy.</summary>
    /// <param name="other">The other statistics.</param>
    public QalyStatistics Merge(QalyStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Policy != Policy)
        {
            throw new ArgumentException("QALYs computed under different missing-visit policies cannot be pooled.", nameof(other));
        }

        return new QalyStatistics(Policy, Qalys.Merge(other.Qalys), Excluded.Merge(other.Excluded));
    }

    /// <summary>The mean QALY with its 95% t interval, null when no patient has a QALY.</summary>
    public MeanEstimate? Mean() => MeanEstimate.From(Qalys);
}
