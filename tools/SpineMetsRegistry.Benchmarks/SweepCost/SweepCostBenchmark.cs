using System.Diagnostics;
using System.Globalization;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;

namespace SpineMetsRegistry.Benchmarks.SweepCost;

/// <summary>
/// Shows that the daily sweep's cost follows the number of visits changing state that day,
/// not the registry's size: the real <see cref="FollowUpSweep"/> runs over a
/// <see cref="CountingScheduleStore"/> (same partitioning as Table Storage, counting every
/// entity read through the port) for two registries of 10k and 1M scheduled visits, for
/// four weeks of daily sweeps after the first one. The 1M registry has accrued for ten years
/// at ten times the rate of the one-year 10k registry, so its size is 100x but the number of
/// visits changing state on a day only about 10x: the entries read must follow the 10x.
/// </summary>
internal static class SweepCostBenchmark
{
    private static readonly DateOnly Start = new(2026, 6, 1); // a Monday

    private static readonly string[] Sites = ["S01", "S02", "S03", "S04", "S05"];

    public static async Task<int> RunAsync(int days)
    {
        var small = await MeasureAsync("10k", patients: 2_500, accrualYears: 1, days);
        var large = await MeasureAsync("1M", patients: 250_000, accrualYears: 10, days);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Daily sweeps {Start.AddDays(1):yyyy-MM-dd} .. {Start.AddDays(days):yyyy-MM-dd} ({days} days) after a first sweep on {Start:yyyy-MM-dd}; entities read through IScheduleStore / IReminderLog, per sweep (mean):"));
        Console.WriteLine();
        Console.WriteLine("| registry | scheduled visits | accrual | visits changing state / day | index entries read / day | visits read / day | notices read / day | schedule entities read / day | read per changing visit | reminders / day | ms / sweep | first sweep ever: whole-schedule reads (re-plan, announce, committee digest) | weekly committee digest reads |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { small, large })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Visits:N0} | {r.Patients:N0} patients over {r.AccrualYears} y | {r.Changes:N1} | {r.IndexEntries:N1} | {r.PointReads:N1} | {r.NoticeReads:N1} | {r.IndexEntries + r.PointReads:N1} | {(r.IndexEntries + r.PointReads) / r.Changes:F2} | {r.Reminders:N1} | {r.Milliseconds:F1} | {r.FirstSweepListed:N0} | {r.WeeklyListed:N0} per digest |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| 1M / 10k | {(double)large.Visits / small.Visits:F1}x | | {large.Changes / small.Changes:F1}x | {large.IndexEntries / small.IndexEntries:F1}x | {large.PointReads / small.PointReads:F1}x | {large.NoticeReads / small.NoticeReads:F1}x | {(large.IndexEntries + large.PointReads) / (small.IndexEntries + small.PointReads):F1}x | | {large.Reminders / small.Reminders:F1}x | | {(double)large.FirstSweepListed / small.FirstSweepListed:F1}x | |"));
        return 0;
    }

    private static async Task<Measurement> MeasureAsync(string name, int patients, int accrualYears, int days)
    {
        var clock = Stopwatch.StartNew();
        var store = new CountingScheduleStore();
        await LoadAsync(store, patients, accrualYears * 365);
        var visits = store.VisitCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {visits:N0} scheduled visits of {patients:N0} patients loaded in {clock.Elapsed.TotalSeconds:F1} s"));

        var log = new InMemoryReminderLog();
        var policies = Policies();
        var audit = new InMemoryAuditLog();
        var aggregates = new InMemoryAggregateStore();
        var time = TimeProvider.System;
        var landing = new InMemoryLandingBlobs();
        using var sweep = new FollowUpSweep(
            store,
            log,
            new ReminderDigestPublisher(landing, audit, time),
            new ReminderNotifications(new UnconfiguredReminderNotifier(), landing, audit, policies, Microsoft.Extensions.Options.Options.Create(new ReminderNotificationOptions()), time),
            new ComplianceDigestWriter(store, aggregates, audit, policies, time),
            new ProtocolReplan(store, log, policies),
            policies);

        store.ResetCounters();
        await sweep.RunAsync(Start);
        var firstSweepListed = store.Listed;

        var all = store.AllVisits.ToList();
        long index = 0, points = 0, notices = 0, listed = 0, changes = 0, reminders = 0;
        var weeklyDigests = 0;
        var elapsed = TimeSpan.Zero;
        for (var day = Start.AddDays(1); day <= Start.AddDays(days); day = day.AddDays(1))
        {
            var previous = day.AddDays(-1);
            changes += all.Count(v => v.StateOn(day) != v.StateOn(previous));
            store.ResetCounters();
            log.ResetCounters();
            var watch = Stopwatch.StartNew();
            var result = await sweep.RunAsync(day);
            elapsed += watch.Elapsed;
            index += store.IndexEntriesRead;
            points += store.PointReads;
            notices += log.NoticeReads;
            listed += store.Listed;
            reminders += result.Reminders;
            weeklyDigests += result.Compliance is null ? 0 : 1;
        }

        return new Measurement(name, visits, patients, accrualYears, (double)changes / days, (double)index / days, (double)points / days, (double)notices / days,
            (double)reminders / days, elapsed.TotalMilliseconds / days, firstSweepListed, weeklyDigests == 0 ? 0 : listed / weeklyDigests);
    }

    private static RegistryPolicies Policies()
    {
        var configuration = new RegistryConfiguration
        {
            Sites = [.. Sites.Select(code => new SiteConfiguration { Code = code, DisplayName = code, StudyIdPattern = $"^{code}-[0-9]{{7}}$" })],
        };
        return RegistryPolicies.Create(configuration).Value!;
    }

    /// <summary>
    /// Patients enrolled uniformly over the accrual period before <see cref="Start"/>. Visits
    /// whose window had closed by then were received in it (80%), late (5%) or missed; 10% of
    /// patients died within 500 days of index (only deaths before the start are known).
    /// </summary>
    private static async Task LoadAsync(CountingScheduleStore store, int patients, int accrualDays)
    {
        var random = new Random(20260601);
        var protocol = new FollowUpProtocol();
        for (var i = 0; i < patients; i++)
        {
            var site = Sites[i % Sites.Length];
            var studyId = string.Create(CultureInfo.InvariantCulture, $"{site}-{i:D7}");
            var index = Start.AddDays(-1 - random.Next(accrualDays));
            var known = Start.DayNumber - index.DayNumber;
            var visitDays = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var point in protocol.TimePoints)
            {
                var closes = point.TargetDay + point.WindowAfterDays;
                var roll = random.NextDouble();
                if (closes + 30 < known && roll < 0.85)
                {
                    visitDays[point.Code] = roll < 0.80
                        ? point.TargetDay - point.WindowBeforeDays + random.Next(point.WindowBeforeDays + point.WindowAfterDays + 1)
                        : closes + 1 + random.Next(30);
                }
            }

            int? deathDay = random.NextDouble() < 0.10 ? random.Next(500) : null;
            if (deathDay >= known)
            {
                deathDay = null;
            }

            await store.UpsertAsync(FollowUpScheduler.Update(site, studyId, protocol, [], new PatientScheduleUpdate(index, visitDays, deathDay)), stored: [], indexFrom: null);
        }
    }

    private sealed record Measurement(
        string Name,
        int Visits,
        int Patients,
        int AccrualYears,
        double Changes,
        double IndexEntries,
        double PointReads,
        double NoticeReads,
        double Reminders,
        double Milliseconds,
        long FirstSweepListed,
        long WeeklyListed);
}
