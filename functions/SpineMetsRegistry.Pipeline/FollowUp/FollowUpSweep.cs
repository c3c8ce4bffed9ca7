using System.Collections.Concurrent;
using System.Globalization;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>
/// The daily follow-up sweep (see <see cref="IFollowUpSweep"/>).
/// </summary>
/// <remarks>
/// <para>
/// Which days: from the day after the watermark up to <c>asOf</c>, reading only the date
/// index partition of each (a sweep that did not run for three days reads three more
/// partitions, and announces only each visit's state as of <c>asOf</c>, once). A rerun of the
/// watermark day reads the same days as the first run did. A day before the watermark is
/// refused: it was swept. The first sweep ever reads every site's whole schedule, because
/// nothing has been announced yet and visits already due, overdue or missed have transitions
/// in the past that no index read would reach.
/// </para>
/// <para>
/// What is announced: a visit whose state as of <c>asOf</c> is actionable (upcoming, due,
/// overdue, missed) or that was received outside its window, when the last notice for it
/// names another state, or was made on <c>asOf</c> itself. That last rule makes a rerun of a
/// day regenerate the same digest (the blobs are then left alone and the audit entry is not
/// repeated) and complete a digest a crashed run left half done.
/// </para>
/// <para>
/// Order of writes, chosen so a crash anywhere loses nothing: the digests first, each followed
/// by the site's notification mail when it has something new (at most once per site and day,
/// see <see cref="ReminderNotifications"/>), then the notices, then the committee digest,
/// then the watermark. A crash before the notices are
/// recorded makes the next sweep announce the same visits again (at least once, never lost);
/// a rerun of the same day is exactly once.
/// </para>
/// <para>
/// When the configured protocol differs from the one last applied, the schedule is
/// re-planned first (<see cref="ProtocolReplan"/>), which marks moved visits for this day.
/// </para>
/// </remarks>
public sealed class FollowUpSweep(
    IScheduleStore schedule,
    IReminderLog log,
    ReminderDigestPublisher publisher,
    ReminderNotifications notifications,
    ComplianceDigestWriter compliance,
    ProtocolReplan replan,
    RegistryPolicies policies) : IFollowUpSweep, IDisposable
{
    private const int ReadParallelism = 16;

    // One sweep at a time per process (the daily job and the operations API may overlap).
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<FollowUpSweepResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await SweepAsync(asOf, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<FollowUpSweepResult> SweepAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var watermark = await log.GetWatermarkAsync(cancellationToken);
        if (watermark is not null && asOf < watermark.LastDay)
        {
            return new FollowUpSweepResult
            {
                AsOf = asOf,
                Mode = SweepMode.AlreadySwept,
                Summary = string.Create(CultureInfo.InvariantCulture, $"Nothing done: every day up to {watermark.LastDay:yyyy-MM-dd} has been swept; its digests are in each site's reminders/."),
            };
        }

        ProtocolReplanResult? replanned = null;
        if (await replan.IsNeededAsync(cancellationToken))
        {
            replanned = await replan.RunAsync(asOf, cancellationToken);
        }

        var plan = SweepPlan.For(watermark, asOf);
        var read = plan.FirstDay is { } firstDay
            ? await ReadIndexAsync(firstDay, asOf, cancellationToken)
            : await ReadWholeScheduleAsync(cancellationToken);

        var decisions = await DecideAsync(read.Visits, asOf, cancellationToken);
        var digests = new List<SiteDigestOutcome>();
        var mails = new List<SiteNotificationOutcome>();
        foreach (var site in policies.Configuration.Sites)
        {
            var announced = decisions.Where(d => d.Reminder is not null && string.Equals(d.Visit.Site, site.Code, StringComparison.Ordinal)).ToList();
            var digest = ReminderDigest.Create(site.Code, asOf, policies.Protocol.Fingerprint, announced.Select(d => d.Reminder!));
            var newNotices = announced.Count(d => d.IsNew);
            var written = await publisher.PublishAsync(digest, newNotices, cancellationToken);
            mails.Add(await notifications.NotifyAsync(site, digest, cancellationToken));
            digests.Add(new SiteDigestOutcome(site.Code, digest.Reminders.Count, newNotices, written,
                "reminders/" + ReminderDigestPublisher.BlobName(asOf, "json"), "reminders/" + ReminderDigestPublisher.BlobName(asOf, "csv")));
        }

        await Parallel.ForEachAsync(
            decisions.Where(d => d.Record is not null),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (d, token) => await log.RecordNoticeAsync(d.Visit.Site, d.Visit.StudyId, d.Visit.TimePoint, d.Record!, token));

        ComplianceDigestOutcome? weekly = null;
        if (await compliance.IsDueAsync(asOf, cancellationToken))
        {
            weekly = await compliance.WriteAsync(asOf, cancellationToken);
        }

        await log.SetWatermarkAsync(new SweepWatermark(asOf, plan.FirstDay), cancellationToken);

        var reminders = digests.Sum(d => d.Reminders);
        var fresh = digests.Sum(d => d.NewNotices);
        return new FollowUpSweepResult
        {
            AsOf = asOf,
            Mode = plan.FirstDay is null ? SweepMode.WholeSchedule : SweepMode.DateIndex,
            FirstDayRead = plan.FirstDay,
            DaysRead = read.Days,
            IndexEntriesRead = read.IndexEntries,
            VisitsRead = read.Visits.Count,
            Reminders = reminders,
            NewNotices = fresh,
            Digests = digests,
            Notifications = mails,
            Replan = replanned,
            Compliance = weekly,
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"Swept {(plan.FirstDay is { } first ? $"{read.Days} day(s) {first:yyyy-MM-dd}..{asOf:yyyy-MM-dd} ({read.IndexEntries} index entries)" : "the whole schedule")}, read {read.Visits.Count} visits: {reminders} reminders to {digests.Count(d => d.Reminders > 0)} site(s), {fresh} new."),
        };
    }

    /// <summary>Reads the index partitions of the days, then each listed visit once (point reads).</summary>
    private async Task<ScheduleRead> ReadIndexAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string Site, string StudyId, string TimePoint)>();
        var entries = 0;
        var days = 0;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            days++;
            await foreach (var entry in schedule.ReadDayAsync(day, cancellationToken))
            {
                entries++;
                if (policies.FindSite(entry.Site) is not null)
                {
                    keys.Add((entry.Site, entry.StudyId, entry.TimePoint));
                }
            }
        }

        var visits = new ConcurrentBag<ScheduledVisit>();
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                // Gone (withdrawal, dropped time point): its index rows are stale, nothing to tell.
                if (await schedule.GetAsync(key.Site, key.StudyId, key.TimePoint, token) is { } visit)
                {
                    visits.Add(visit);
                }
            });
        return new ScheduleRead(days, entries, [.. visits]);
    }

    private async Task<ScheduleRead> ReadWholeScheduleAsync(CancellationToken cancellationToken)
    {
        var visits = new List<ScheduledVisit>();
        foreach (var site in policies.Configuration.Sites)
        {
            await foreach (var visit in schedule.ListSiteAsync(site.Code, cancellationToken))
            {
                visits.Add(visit);
            }
        }

        return new ScheduleRead(0, 0, visits);
    }

    /// <summary>For each visit read: whether it is announced, and which notice to record.</summary>
    private async Task<List<NoticeDecision>> DecideAsync(IReadOnlyList<ScheduledVisit> visits, DateOnly asOf, CancellationToken cancellationToken)
    {
        var decisions = new ConcurrentBag<NoticeDecision>();
        await Parallel.ForEachAsync(
            visits,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (visit, token) =>
            {
                var last = await log.GetLastNoticeAsync(visit.Site, visit.StudyId, visit.TimePoint, token);
                if (NoticeRule.Decide(visit, asOf, last) is { } decision)
                {
                    decisions.Add(decision);
                }
            });
        return [.. decisions];
    }

    private sealed record ScheduleRead(int Days, int IndexEntries, IReadOnlyList<ScheduledVisit> Visits);
}
