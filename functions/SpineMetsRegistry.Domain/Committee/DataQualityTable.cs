using SpineMetsRegistry.Domain.Outcomes;
using SpineMetsRegistry.Domain.Statistics;

namespace SpineMetsRegistry.Domain.Committee;

/// <summary>
/// The committee's data-quality table: per site, the batch rejection rate, the median
/// upload-to-completed time and the missing-data rate of each key field
/// (<see cref="DataQualityFields"/>), with the network beside. Follow-up compliance per time point
/// is the follow-up sweep's table (<c>followup.compliance</c>).
/// <para>
/// Privacy: only rates are published, never counts. A rate is shown when its numerator and the
/// rest of its denominator are each 0 or at least the threshold, so even a reader who knows the
/// denominator (e.g. the enrolment) derives no count from 1 to threshold - 1; the network's rate
/// is shown only when every site's rate of the same item is, so "network minus the other sites"
/// reveals nothing either. The median time concerns batches, not patients.
/// </para>
/// </summary>
public static class DataQualityTable
{
    /// <summary>The table's name.</summary>
    public const string Name = "data_quality";

    /// <summary>The row label of the network.</summary>
    public const string Network = "network";

    /// <summary>Builds the table.</summary>
    /// <param name="bySite">Each site's counts.</param>
    /// <param name="ownSite">The site whose page this is (only it, labelled <c>own</c>, and the network are shown), or null for the pooled scope (every site by code).</param>
    /// <param name="threshold">Small-cell threshold.</param>
    public static StatisticsTable Publish(IReadOnlyDictionary<string, DataQualityCounts> bySite, string? ownSite, int threshold)
    {
        ArgumentNullException.ThrowIfNull(bySite);
        var network = bySite.Values.Aggregate(DataQualityCounts.Empty, (a, b) => a.Merge(b));
        var shown = bySite.Where(s => ownSite is null || s.Key == ownSite).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (code, counts) in shown.Append(new(Network, network)))
        {
            // A site's page labels its own row "own", like every other table of the page.
            var site = ownSite is not null && code == ownSite ? "own" : code;
            var isNetwork = site == Network;
            bool AllSites(Func<DataQualityCounts, ProportionCounts> item) => bySite.Values.All(c => Safe(item(c), threshold));
            rows.Add(Rate(site, "batch_rejection", "batches", counts.Batches, threshold, !isNetwork || AllSites(c => c.Batches)));
            rows.Add([site, "processing_time", "median_seconds", null, null, null, counts.ProcessingSeconds.Median]);
            foreach (var field in DataQualityFields.All)
            {
                var item = counts.Missing.TryGetValue(field.Key, out var c) ? c : default;
                rows.Add(Rate(site, "missing", field.Key, item, threshold, !isNetwork || AllSites(s => s.Missing.TryGetValue(field.Key, out var x) ? x : default)));
            }
        }

        return new StatisticsTable(
            Name,
            "Data quality per site: batch rejection, processing time, missing key fields",
            ["site", "measure", "item", "rate", "lower", "upper", "median_seconds"],
            rows,
            [
                "Rates with Wilson 95% CI (Newcombe 1998); counts are not published. A rate is shown only when neither its numerator nor the rest of its denominator is a count from 1 to the threshold - 1, and the network's only when every site's is.",
                "Rejected: quarantined or held whole. Processing time: upload to completed. Missing: neither a value nor a derived score, over the records that should carry the field (follow-up PROs, ambulation and SAVES: visits of living patients).",
                "As of each site's latest aggregated batch; not filtered by period, tumour or treatment. Follow-up compliance per time point: the followup.compliance table.",
            ]);
    }

    private static bool Safe(ProportionCounts counts, int threshold) =>
        Small(counts.Successes, threshold) is false && Small(counts.Total - counts.Successes, threshold) is false;

    private static bool Small(long count, int threshold) => count > 0 && count < threshold;

    private static IReadOnlyList<object?> Rate(string site, string measure, string item, ProportionCounts counts, int threshold, bool othersAllow)
    {
        if (counts.Total == 0)
        {
            return [site, measure, item, null, null, null, null];
        }

        if (!Safe(counts, threshold) || !othersAllow)
        {
            return [site, measure, item, "suppressed", null, null, null];
        }

        var estimate = counts.Estimate()!;
        return [site, measure, item, CommitteePublisher.R(estimate.Proportion), CommitteePublisher.R(estimate.Interval.Lower), CommitteePublisher.R(estimate.Interval.Upper), null];
    }
}
