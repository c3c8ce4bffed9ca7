using System.Globalization;
using SpineMetsRegistry.Domain.FollowUp;

namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>
/// The one publishing step every figure leaving the registry passes through: aggregate tables
/// are small-cell suppressed (<see cref="SmallCellSuppressor"/>, "no cell 1-10" with the
/// default threshold, CMS/NIH data use practice), and a rate is published only when the counts
/// it is made of are: a rate next to a published total would otherwise reveal a suppressed
/// numerator (the disclosure-by-differencing risk of Statistics Canada's and the ONS's
/// disclosure-control guidance). A host never applies a rule of its own: it publishes what
/// this step returns.
/// </summary>
public sealed class DisclosureControl
{
    /// <summary>Disclosure control with a suppression threshold (counts from 1 to threshold-1 are hidden).</summary>
    public DisclosureControl(int threshold = SmallCellSuppressor.DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
    }

    /// <summary>The suppression threshold.</summary>
    public int Threshold { get; }

    /// <summary>An aggregate table as it may leave the system.</summary>
    public PublishedTable Publish(AggregateTable table) => SmallCellSuppressor.Publish(table, Threshold);

    /// <summary>
    /// Follow-up compliance as it may leave the system: the site x time point x outcome count
    /// table, suppressed, and the sites below <paramref name="complianceThreshold"/>. A site
    /// time point is listed only when its rate is published, that is when the number of closed
    /// visits reaches the suppression threshold and its within-window count is shown in the
    /// published table; a rate that cannot be published is unknown to the reader, so it is
    /// never presented as below the threshold.
    /// </summary>
    public PublishedCompliance PublishCompliance(IReadOnlyList<SiteCompliance> compliance, double complianceThreshold, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        var table = Publish(FollowUpCompliance.ToTable(compliance, asOf));
        var within = FollowUpCompliance.Code(ComplianceOutcome.WithinWindow);
        var withinShown = table.Counts
            .Where(c => c.Count is not null && c.Keys.Count == 3 && c.Keys[2] == within)
            .Select(c => (Site: c.Keys[0], TimePoint: c.Keys[1]))
            .ToHashSet();

        var rates = compliance
            .Select(c => new PublishedComplianceRate(
                c.Site,
                c.TimePoint,
                c.Closed >= Threshold && withinShown.Contains((c.Site, c.TimePoint)) ? Math.Round(c.Rate, 2) : null,
                c.Closed >= Threshold ? c.Closed.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"<{Threshold}")))
            .ToList();
        var below = compliance
            .Zip(rates)
            .Where(pair => pair.Second.Compliance is not null && pair.First.IsBelow(complianceThreshold))
            .GroupBy(pair => pair.First.Site, StringComparer.Ordinal)
            .Select(g => new PublishedSiteCompliance(g.Key, g.Select(pair => pair.Second).ToList()))
            .ToList();
        return new PublishedCompliance(table, rates, below);
    }
}

/// <summary>Follow-up compliance fit to leave the system.</summary>
/// <param name="Table">The site x time point x outcome count table, suppressed.</param>
/// <param name="Rates">Every site time point's rate as published (null where withheld).</param>
/// <param name="SitesBelowThreshold">Sites with a published rate below the compliance threshold at one time point or more.</param>
public sealed record PublishedCompliance(PublishedTable Table, IReadOnlyList<PublishedComplianceRate> Rates, IReadOnlyList<PublishedSiteCompliance> SitesBelowThreshold)
{
    /// <summary>Site time points whose rate is not published (too few closed visits, or a suppressed within-window count).</summary>
    public int RatesWithheld => Rates.Count(r => r.Compliance is null);
}

/// <summary>A site listed below the compliance threshold, with the time points that are.</summary>
/// <param name="Site">The site.</param>
/// <param name="TimePoints">Its time points whose published rate is below the threshold.</param>
public sealed record PublishedSiteCompliance(string Site, IReadOnlyList<PublishedComplianceRate> TimePoints);

/// <summary>One site time point's compliance as published.</summary>
/// <param name="Site">The site.</param>
/// <param name="TimePoint">The time point.</param>
/// <param name="Compliance">Within-window / closed visits, rounded to two decimals; null when withheld.</param>
/// <param name="ClosedVisits">The number of closed visits, or e.g. "&lt;11" when suppressed.</param>
public sealed record PublishedComplianceRate(string Site, string TimePoint, double? Compliance, string ClosedVisits);
