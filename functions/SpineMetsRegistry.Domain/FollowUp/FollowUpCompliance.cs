using System.Globalization;
using SpineMetsRegistry.Domain.Aggregation;

namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// Follow-up compliance: visits received within their window / visits whose window has
/// closed, per site and time point. A visit counts once its window has closed: a visit
/// received inside a window that is still open is not counted yet (neither is one that has
/// not been received), so the rate never swings with visits still in progress. Visits not
/// required (death or withdrawal before the window) never count.
/// </summary>
public static class FollowUpCompliance
{
    /// <summary>The name of the count table (site x time point x outcome).</summary>
    public const string TableName = "followup.compliance";

    /// <summary>The outcome codes used in the count table.</summary>
    public static string Code(ComplianceOutcome outcome) => outcome switch
    {
        ComplianceOutcome.WithinWindow => "within_window",
        ComplianceOutcome.OutsideWindow => "outside_window",
        ComplianceOutcome.Missed => "missed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>
    /// The outcome of a visit on a day, or null when it does not count (yet): its window is
    /// still open on <paramref name="day"/>, or it was not required.
    /// </summary>
    public static ComplianceOutcome? OutcomeOn(ScheduledVisit visit, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (day <= visit.WindowCloses)
        {
            return null;
        }

        return visit.StateOn(day) switch
        {
            VisitState.Completed => visit.CompletedOutsideWindow ? ComplianceOutcome.OutsideWindow : ComplianceOutcome.WithinWindow,
            VisitState.NotRequired => null,
            _ => ComplianceOutcome.Missed,
        };
    }

    /// <summary>Compliance per site and time point on a day (site, then time point by target day).</summary>
    public static IReadOnlyList<SiteCompliance> Compute(IEnumerable<ScheduledVisit> visits, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var counts = new Dictionary<(string Site, string TimePoint), (int Within, int Outside, int Missed, int Target)>();
        foreach (var visit in visits)
        {
            if (OutcomeOn(visit, day) is not { } outcome)
            {
                continue;
            }

            var key = (visit.Site, visit.TimePoint);
            var (within, outside, missed, _) = counts.GetValueOrDefault(key);
            counts[key] = outcome switch
            {
                ComplianceOutcome.WithinWindow => (within + 1, outside, missed, visit.TargetDay),
                ComplianceOutcome.OutsideWindow => (within, outside + 1, missed, visit.TargetDay),
                _ => (within, outside, missed + 1, visit.TargetDay),
            };
        }

        return counts
            .OrderBy(c => c.Key.Site, StringComparer.Ordinal)
            .ThenBy(c => c.Value.Target)
            .ThenBy(c => c.Key.TimePoint, StringComparer.Ordinal)
            .Select(c => new SiteCompliance(c.Key.Site, c.Key.TimePoint, c.Value.Within, c.Value.Outside, c.Value.Missed))
            .ToList();
    }

    /// <summary>
    /// The compliance counts as an aggregate count table (site x time point x outcome, raw
    /// counts), so small-cell suppression applies to it like every aggregate leaving the system.
    /// </summary>
    public static AggregateTable ToTable(IReadOnlyList<SiteCompliance> compliance, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        var cells = compliance.SelectMany(c => new[]
        {
            new CountCell([c.Site, c.TimePoint, Code(ComplianceOutcome.WithinWindow)], c.WithinWindow),
            new CountCell([c.Site, c.TimePoint, Code(ComplianceOutcome.OutsideWindow)], c.OutsideWindow),
            new CountCell([c.Site, c.TimePoint, Code(ComplianceOutcome.Missed)], c.Missed),
        }).ToList();
        return new AggregateTable
        {
            Name = TableName,
            Title = "Follow-up visits whose window has closed, by site, time point and outcome",
            Kind = AggregateKind.Count,
            Dimensions = ["site", "time_point", "outcome"],
            Unit = "visits",
            Counts = cells,
            Notes =
            [
                string.Create(CultureInfo.InvariantCulture, $"As of {day:yyyy-MM-dd}. Compliance = within_window / (within_window + outside_window + missed); visits whose window is still open and visits not required (death or withdrawal before the window) are not counted."),
            ],
        };
    }
}
