namespace SpineMetsRegistry.Domain.Survival;

/// <summary>
/// One interval of a published survival curve: days [<paramref name="From"/>, <paramref name="To"/>).
/// </summary>
/// <param name="From">First day of the interval.</param>
/// <param name="To">First day after the interval.</param>
/// <param name="AtRisk">Patients at risk on day <paramref name="From"/>: 0 or at least the threshold.</param>
/// <param name="Events">Deaths in the interval: 0 or at least the threshold.</param>
/// <param name="Censored">Censorings in the interval: 0 or at least the threshold.</param>
/// <param name="Survival">Survival at the end of the interval (product-limit over the published intervals).</param>
/// <param name="StandardError">Greenwood standard error.</param>
/// <param name="Lower">Lower 95% log-log limit (null when survival is 0).</param>
/// <param name="Upper">Upper 95% log-log limit (null when survival is 0).</param>
public sealed record PublishedSurvivalInterval(int From, int To, long AtRisk, long Events, long Censored, double Survival, double StandardError, double? Lower, double? Upper);

/// <summary>The number at risk at a reporting time, or null when publishing it would reveal a small count.</summary>
/// <param name="Time">The reporting time.</param>
/// <param name="AtRisk">Patients at risk, or null (suppressed: the time falls inside a coarsened interval or after the curve stops).</param>
public sealed record PublishedAtRisk(RiskTime Time, long? AtRisk);

/// <summary>
/// A Kaplan-Meier curve fit to leave the system under the small-cell rule: no published
/// number, and no difference or ratio of published numbers, is a count from 1 to threshold - 1.
/// <para>
/// How: the days are grouped into consecutive intervals [From, To), chosen greedily from day 0,
/// each closed at the first boundary where its deaths are 0 or at least the threshold, its
/// censorings are 0 or at least the threshold, and the patients still at risk after it are 0
/// or at least the threshold. The reporting days (and any cut days) that can be boundaries under
/// the same rule, taken in order, are fixed first and always closed on, merging the intervals
/// just before one when needed. The curve is the product-limit estimate over those intervals
/// (deaths of an interval counted against everyone at risk at its start, censorings after them:
/// the product-limit estimator applied to times grouped into intervals, as in a life table,
/// cf. Kaplan and Meier 1958 §4 on grouped data), with Greenwood's variance and the log-log interval
/// over the same grouped counts. Every published quantity is then a function of the interval
/// counts alone, so nothing about the order of deaths within an interval, and hence no day's
/// count, can be read back. Any difference of two published numbers at risk is a sum of whole
/// intervals' deaths and censorings, each 0 or at least the threshold. The curve stops where the
/// next safe interval would leave fewer than the threshold at risk (it "stops where the number
/// at risk falls below the threshold"); nothing after that point is published.
/// </para>
/// <para>
/// The number-at-risk table (0, 3, 6, 12, 24 months) uses the same boundaries: each reporting
/// day is offered as a boundary, and its number at risk is published only when it is one; if
/// cutting there would isolate a small count, that time shows no number.
/// </para>
/// <para>
/// The median and its Brookmeyer-Crowley limits are read from the published intervals (the last
/// day of the first interval whose survival, or lower or upper limit, is at most 0.5), never
/// from the exact curve: an exact median day could tell how many of an interval's deaths came
/// before it.
/// </para>
/// <para>
/// Across tables: the curve's number at risk on day 0 is the number of patients with a survival
/// time. A caller that also publishes the enrolment count of the same scope must hold that the
/// difference (patients with no follow-up date) is 0 or at least the threshold, and curves by
/// group must not let "overall minus the other groups" reveal a small group: publish group
/// curves only when every group of the dimension is published.
/// </para>
/// </summary>
/// <param name="Threshold">The small-cell threshold applied.</param>
/// <param name="Intervals">Published intervals in time order (empty when fewer than the threshold are at risk on day 0).</param>
/// <param name="AtRiskTable">The number-at-risk table.</param>
/// <param name="Median">Median and limits at the resolution of the intervals.</param>
public sealed record PublishedSurvivalCurve(int Threshold, IReadOnlyList<PublishedSurvivalInterval> Intervals, IReadOnlyList<PublishedAtRisk> AtRiskTable, MedianSurvival Median)
{
    /// <summary>Publishes a curve from per-day counts.</summary>
    /// <param name="counts">Deaths and censorings per day.</param>
    /// <param name="threshold">Small-cell threshold (counts 1 to threshold - 1 are never revealed).</param>
    /// <param name="riskTimes">Reporting times of the number-at-risk table (default 0, 3, 6, 12, 24 months).</param>
    /// <param name="cutDays">Further days offered as interval boundaries, like the reporting days but with no
    /// number-at-risk row (e.g. day 31 so that survival can be read at day 30 exactly when that is safe).</param>
    public static PublishedSurvivalCurve Publish(SurvivalCounts counts, int threshold, IReadOnlyList<RiskTime>? riskTimes = null, IReadOnlyList<int>? cutDays = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var times = riskTimes ?? NumberAtRisk.StandardTimes;
        var intervals = new List<PublishedSurvivalInterval>();
        var publishedAtRisk = new Dictionary<int, long>();
        if (counts.Total >= threshold)
        {
            Cut(counts, threshold, times.Select(t => t.Day).ToHashSet(), (cutDays ?? []).ToHashSet(), intervals, publishedAtRisk);
        }

        var atRisk = times.Select(t => new PublishedAtRisk(t, publishedAtRisk.TryGetValue(t.Day, out var n) ? n : null)).ToList();
        var median = new MedianSurvival(
            intervals.FirstOrDefault(i => i.Survival <= 0.5)?.To - 1,
            intervals.FirstOrDefault(i => (i.Lower ?? 0) <= 0.5)?.To - 1,
            intervals.FirstOrDefault(i => (i.Upper ?? 0) <= 0.5)?.To - 1);
        return new PublishedSurvivalCurve(threshold, intervals, atRisk, median);
    }

    private static void Cut(SurvivalCounts counts, int threshold, HashSet<int> riskDays, HashSet<int> cutDays, List<PublishedSurvivalInterval> intervals, Dictionary<int, long> publishedAtRisk)
    {
        // The registry's times are whole days; a fractional time cannot be cut into day intervals.
        if (counts.Days.Any(d => d.Key != Math.Floor(d.Key)))
        {
            throw new ArgumentException("Published curves need whole-day times.", nameof(counts));
        }

        var days = counts.Days.ToDictionary(d => (int)d.Key, d => d.Value);
        if (riskDays.Contains(0))
        {
            publishedAtRisk[0] = counts.Total;
        }

        var anchors = Anchors(days, counts.Total, threshold, riskDays.Concat(cutDays).Where(d => d > 0).Distinct().Order());
        var raw = RawIntervals(days, counts.Total, threshold, riskDays.Concat(cutDays).Where(d => d > 0).ToHashSet(), anchors);
        var product = new ProductLimit();
        foreach (var interval in raw)
        {
            if (interval.Events + interval.Censored > 0)
            {
                var point = product.Step(interval.AtRisk, interval.Events);
                intervals.Add(new PublishedSurvivalInterval(interval.From, interval.To, interval.AtRisk, interval.Events, interval.Censored, point.Survival, point.StandardError, point.Lower, point.Upper));
            }

            if (riskDays.Contains(interval.To) && anchors.Contains(interval.To))
            {
                publishedAtRisk[interval.To] = interval.AtRisk - interval.Events - interval.Censored;
            }
        }
    }

    /// <summary>An interval before the survival is computed: [From, To), its number at risk on day From, deaths and censorings.</summary>
    private readonly record struct RawInterval(int From, int To, long AtRisk, long Events, long Censored);

    /// <summary>
    /// The reporting and cut days that can be boundaries: taken in order, each is kept when the
    /// stretch from the previous kept one has deaths and censorings that are each 0 or at least the
    /// threshold, and at least the threshold remain at risk. Cutting these first (rather than greedily from day 0)
    /// lets the number-at-risk table show every reporting time that can be shown safely.
    /// </summary>
    private static HashSet<int> Anchors(Dictionary<int, DayCounts> days, long total, int threshold, IEnumerable<int> priorityDays)
    {
        var anchors = new HashSet<int>();
        var from = 0;
        var atRisk = total;
        foreach (var day in priorityDays)
        {
            var (events, censored) = Between(days, from, day);
            var remaining = atRisk - events - censored;
            // An anchor needs patients left at risk: fixing a boundary where the curve ends would force the
            // tail's deaths into one coarse interval; the greedy cut handles the end of the curve as before.
            if (IsSafe(events, threshold) && IsSafe(censored, threshold) && remaining >= threshold)
            {
                anchors.Add(day);
                from = day;
                atRisk = remaining;
            }
        }

        return anchors;
    }

    /// <summary>
    /// The intervals, greedily from day 0: each closes at the first boundary where it is safe,
    /// and always at an anchor; when the stretch before an anchor is not safe on its own, it is
    /// merged with the intervals before it (never past the previous anchor, from which the
    /// stretch to this anchor is safe). After the last anchor, the curve stops where the next
    /// safe interval would leave fewer than the threshold at risk.
    /// </summary>
    private static List<RawInterval> RawIntervals(Dictionary<int, DayCounts> days, long total, int threshold, HashSet<int> priorityDays, HashSet<int> anchors)
    {
        var boundaries = days.Keys.Select(d => d + 1).Concat(priorityDays).Where(b => b > 0).Distinct().Order().ToList();
        var raw = new List<RawInterval>();
        var lastAnchorIndex = 0;
        var from = 0;
        var atRisk = total;
        foreach (var boundary in boundaries)
        {
            var (events, censored) = Between(days, from, boundary);
            var remaining = atRisk - events - censored;
            var safe = IsSafe(events, threshold) && IsSafe(censored, threshold) && IsSafe(remaining, threshold);
            var isAnchor = anchors.Contains(boundary);
            if (isAnchor && !safe)
            {
                // Merge back until the stretch is safe; the previous anchor bounds it.
                while (!safe && raw.Count > lastAnchorIndex)
                {
                    var previous = raw[^1];
                    raw.RemoveAt(raw.Count - 1);
                    from = previous.From;
                    atRisk = previous.AtRisk;
                    events += previous.Events;
                    censored += previous.Censored;
                    safe = IsSafe(events, threshold) && IsSafe(censored, threshold);
                }

                // The stretch from the previous anchor was safe when the anchor was chosen, so this cannot happen.
                if (!safe)
                {
                    throw new InvalidOperationException("A reporting day was fixed as a boundary but the stretch before it is not safe.");
                }
            }
            else if (!safe || (events + censored == 0 && !priorityDays.Contains(boundary)))
            {
                continue;
            }

            raw.Add(new RawInterval(from, boundary, atRisk, events, censored));
            from = boundary;
            atRisk -= events + censored;
            if (isAnchor)
            {
                lastAnchorIndex = raw.Count;
            }

            if (atRisk == 0)
            {
                break;
            }
        }

        return raw;
    }

    private static (long Events, long Censored) Between(Dictionary<int, DayCounts> days, int from, int to)
    {
        long events = 0;
        long censored = 0;
        foreach (var (day, c) in days)
        {
            if (day >= from && day < to)
            {
                events += c.Events;
                censored += c.Censored;
            }
        }

        return (events, censored);
    }

    private static bool IsSafe(long count, int threshold) => count == 0 || count >= threshold;
}
