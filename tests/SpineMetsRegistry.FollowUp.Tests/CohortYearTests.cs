using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Testing.Azurite;
using static SpineMetsRegistry.FollowUp.Tests.Support.DefaultWindows;

namespace SpineMetsRegistry.FollowUp.Tests;

/// <summary>
/// A cohort walked through fourteen months of daily sweeps with a fake clock, on real storage:
/// every reminder of every patient must be sent on exactly the right day, exactly once.
/// Each day the sweep runs at 06:00 and the day's uploads are processed afterwards, as in
/// production; the expected days are written from the protocol's numbers in this test.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CohortYearTests(AzuriteFixture azurite)
{
    private static readonly DateOnly D0 = new(2026, 1, 5); // a Monday: the committee digest's default weekday

    [Fact]
    public async Task DailySweeps_CohortOverFourteenMonths_EveryReminderOnItsDayExactlyOnce()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D0);
        var uploads = Uploads(world);
        var sent = new List<Announcement>();
        var results = new List<FollowUpSweepResult>();

        for (var day = D0; day <= D0.AddDays(430); day = day.AddDays(1))
        {
            results.Add(await world.SweepAsync(day));
            foreach (var site in world.Sites)
            {
                var digest = await world.DigestAsync(site, day);
                Assert.NotNull(digest);
                sent.AddRange(Announcement.Of(digest));
            }

            if (uploads.TryGetValue(day, out var todays))
            {
                foreach (var upload in todays)
                {
                    await upload();
                }
            }
        }

        var expected = Expected().OrderBy(a => a.Day).ThenBy(a => a.Site).ThenBy(a => a.StudyId).ThenBy(a => a.TimePoint).ThenBy(a => a.State).ToList();
        var actual = sent.OrderBy(a => a.Day).ThenBy(a => a.Site).ThenBy(a => a.StudyId).ThenBy(a => a.TimePoint).ThenBy(a => a.State).ToList();
        Assert.Equal(expected.Select(a => a.ToString()), actual.Select(a => a.ToString()));

        // The first sweep ever reads the whole schedule; every later one reads one index day.
        Assert.Equal(SweepMode.WholeSchedule, results[0].Mode);
        Assert.All(results.Skip(1), r => Assert.True(r.Mode == SweepMode.DateIndex && r.DaysRead == 1));
        Assert.Equal(sent.Count, results.Sum(r => r.NewNotices));
        Assert.Equal(new SweepWatermark(D0.AddDays(430), D0.AddDays(430)), await world.Log.GetWatermarkAsync());
    }

    [Fact]
    public async Task DailySweeps_CohortOverFourteenMonths_WeeklyCommitteeDigestOnMondays()
    {
        var world = await FollowUpWorld.CreateAsync(azurite, D0);
        var uploads = Uploads(world);
        var computedOn = new List<DateOnly>();

        for (var day = D0; day <= D0.AddDays(430); day = day.AddDays(1))
        {
            if ((await world.SweepAsync(day)).Compliance is { } compliance)
            {
                computedOn.Add(compliance.AsOf);
            }

            foreach (var upload in uploads.GetValueOrDefault(day) ?? [])
            {
                await upload();
            }
        }

        Assert.Equal(Enumerable.Range(0, 62).Select(week => D0.AddDays(7 * week)), computedOn);
        var digest = await new ComplianceDigestWriter(world.Schedule, world.Aggregates, world.Audit, world.Policies, world.Clock).ReadAsync();
        Assert.NotNull(digest);
        Assert.Equal(D0.AddDays(427), digest.AsOf);

        // S01: 6w within the window for 0002 and 0003, missed by 0001, outside for 0004.
        Assert.Equal(new SiteCompliance("S01", "6w", 2, 1, 1), digest.Compliance.Single(c => c is { Site: "S01", TimePoint: "6w" }));
        Assert.Equal(new SiteCompliance("S02", "6w", 1, 0, 1), digest.Compliance.Single(c => c is { Site: "S02", TimePoint: "6w" }));
        Assert.Equal(["S01", "S02"], digest.SitesBelowThreshold);
    }

    /// <summary>What each patient's story must produce (see <see cref="Uploads"/>).</summary>
    private static IEnumerable<Announcement> Expected()
    {
        // S01-0001 never comes back: all four states of all four time points.
        foreach (var (code, _, _, _) in TimePoints)
        {
            foreach (var a in Calendar("S01", "S01-0001", D0, code))
            {
                yield return a;
            }
        }

        // S01-0002 comes on every target day: upcoming and due, then silence (completed).
        foreach (var (code, _, _, _) in TimePoints)
        {
            foreach (var a in Calendar("S01", "S01-0002", D0.AddDays(3), code, VisitState.Due))
            {
                yield return a;
            }
        }

        // S01-0003: 6w done on day 40, 12w missed, died on day 120 (reported day 122), before
        // the 26w window would have been announced (day 140): nothing more for 26w and 52w.
        var i3 = D0.AddDays(10);
        foreach (var a in Calendar("S01", "S01-0003", i3, "6w", VisitState.Due).Concat(Calendar("S01", "S01-0003", i3, "12w")))
        {
            yield return a;
        }

        // S01-0004: the 6w visit took place on day 70 (window 28-56), uploaded on day 72: the
        // site hears about it once, flagged, at the next sweep (day 73).
        var i4 = D0.AddDays(20);
        foreach (var (code, _, _, _) in TimePoints)
        {
            foreach (var a in Calendar("S01", "S01-0004", i4, code))
            {
                yield return a;
            }
        }

        yield return new Announcement(i4.AddDays(73), "S01", "S01-0004", "6w", VisitState.Completed, OutsideWindow: true);

        // S02-0001: an old enrollment (index 200 days before D0) uploaded on D0+10: the next
        // sweep announces what it is now (6w, 12w and 26w missed), then 52w on its days.
        var i5 = D0.AddDays(-200);
        yield return new Announcement(D0.AddDays(11), "S02", "S02-0001", "6w", VisitState.Missed);
        yield return new Announcement(D0.AddDays(11), "S02", "S02-0001", "12w", VisitState.Missed);
        yield return new Announcement(D0.AddDays(11), "S02", "S02-0001", "26w", VisitState.Missed);
        foreach (var a in Calendar("S02", "S02-0001", i5, "52w"))
        {
            yield return a;
        }

        // S02-0002: the 6w visit on its target day but uploaded two days later (so overdue is
        // sent), 12w on day 80, 26w announced as upcoming on day 140, then a death on day 130
        // reported on day 150: nothing more.
        var i6 = D0.AddDays(5);
        foreach (var a in Calendar("S02", "S02-0002", i6, "6w", VisitState.Overdue)
                     .Concat(Calendar("S02", "S02-0002", i6, "12w", VisitState.Due))
                     .Concat(Calendar("S02", "S02-0002", i6, "26w", VisitState.Upcoming)))
        {
            yield return a;
        }
    }

    /// <summary>The cohort's uploads, by the day they arrive.</summary>
    private static Dictionary<DateOnly, List<Func<Task>>> Uploads(FollowUpWorld world)
    {
        var uploads = new Dictionary<DateOnly, List<Func<Task>>>();
        void On(DateOnly day, Func<Task> upload)
        {
            if (!uploads.TryGetValue(day, out var list))
            {
                uploads[day] = list = [];
            }

            list.Add(upload);
        }

        On(D0, () => world.EnrollAsync("S01", "S01-0001", D0, D0));

        var i2 = D0.AddDays(3);
        On(i2, () => world.EnrollAsync("S01", "S01-0002", i2, i2));
        foreach (var (code, target, _, _) in TimePoints)
        {
            On(i2.AddDays(target), () => world.ReceiveVisitAsync("S01", "S01-0002", code, target, i2.AddDays(target)));
        }

        var i3 = D0.AddDays(10);
        On(i3, () => world.EnrollAsync("S01", "S01-0003", i3, i3));
        On(i3.AddDays(40), () => world.ReceiveVisitAsync("S01", "S01-0003", "6w", 40, i3.AddDays(40)));
        On(i3.AddDays(122), () => world.ReportDeathAsync("S01", "S01-0003", 120, i3.AddDays(122)));

        var i4 = D0.AddDays(20);
        On(i4, () => world.EnrollAsync("S01", "S01-0004", i4, i4));
        On(i4.AddDays(72), () => world.ReceiveVisitAsync("S01", "S01-0004", "6w", 70, i4.AddDays(72)));

        On(D0.AddDays(10), () => world.EnrollAsync("S02", "S02-0001", D0.AddDays(-200), D0.AddDays(10)));

        var i6 = D0.AddDays(5);
        On(i6, () => world.EnrollAsync("S02", "S02-0002", i6, i6));
        On(i6.AddDays(44), () => world.ReceiveVisitAsync("S02", "S02-0002", "6w", 42, i6.AddDays(44)));
        On(i6.AddDays(80), () => world.ReceiveVisitAsync("S02", "S02-0002", "12w", 80, i6.AddDays(80)));
        On(i6.AddDays(150), () => world.ReportDeathAsync("S02", "S02-0002", 130, i6.AddDays(150)));
        return uploads;
    }
}
