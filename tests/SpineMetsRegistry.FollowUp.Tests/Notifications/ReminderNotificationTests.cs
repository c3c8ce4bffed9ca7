using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.FollowUp.Tests.Support;
using SpineMetsRegistry.Notifications.Smtp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests.Notifications;

/// <summary>
/// Reminder mails end to end: the real sweep on Azurite, the MailKit SMTP adapter, and a real
/// smtp4dev that receives them; the raw messages are read back and searched for anything
/// identifying.
/// </summary>
[Collection(Smtp4devFixture.Collection)]
public sealed partial class ReminderNotificationTests(AzuriteFixture azurite, Smtp4devFixture smtp)
{
    private static readonly DateOnly A = new(2026, 3, 3);
    private static readonly Uri Dashboard = new("http://127.0.0.1:5080/");

    // 6w: upcoming from day 38, due 40, overdue 43, missed 45 (as in CatchUpTests).
    private static void NarrowWindow(Domain.Configuration.RegistrySettings settings) =>
        settings.FollowUp = new FollowUpProtocol { UpcomingLeadDays = 2, TimePoints = [new("6w", 42, 2, 2), new("12w", 84, 7, 7)] };

    [GeneratedRegex("S0[0-9]-[0-9]{4}")]
    private static partial Regex StudyId();

    private async Task<(FollowUpWorld World, string S01, string S02)> WorldAsync(IReminderNotifier? notifier = null, bool pauseS02 = true)
    {
        var world = await FollowUpWorld.CreateAsync(azurite, A.AddDays(-1), NarrowWindow);
        // Unique addresses per test: the smtp4dev is shared by the collection.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var s01 = $"dm-{tag}@s01.example.org";
        var s02 = $"dm-{tag}@s02.example.org";
        world.ReconfigureSites(site =>
        {
            site.Notifications.Contacts = [site.Code == "S01" ? s01 : s02];
            site.Notifications.Paused = pauseS02 && site.Code == "S02";
        });
        world.Notifier = notifier ?? Smtp(smtp.Server.SmtpPort);
        world.DashboardUrl = Dashboard;
        return (world, s01, s02);
    }

    private static SmtpReminderNotifier Smtp(int port) => new(
        Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "registry@spinemets.localhost", Timeout = TimeSpan.FromSeconds(10) }),
        NullLogger<SmtpReminderNotifier>.Instance);

    [Fact]
    public async Task Sweep_NewReminders_SiteMailedCountsTimePointsAndLinkNoStudyId()
    {
        var (world, s01, s02) = await WorldAsync();
        await world.SweepAsync(A.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-38), A.AddDays(-1)); // 6w upcoming on A
        await world.EnrollAsync("S01", "S01-0003", A.AddDays(-43), A.AddDays(-1)); // 6w overdue on A
        await world.EnrollAsync("S01", "S01-0004", A.AddDays(-79), A.AddDays(-1)); // 6w missed; 12w due on A (window opens day 77)
        await world.EnrollAsync("S02", "S02-0001", A.AddDays(-40), A.AddDays(-1)); // due on A, but S02 paused

        var result = await world.SweepAsync(A);

        var digest = (await world.DigestAsync("S01", A))!;
        var outcome = result.Notifications.ToDictionary(n => n.Site);
        Assert.Equal(SiteNotificationStatus.Sent, outcome["S01"].Status);
        Assert.Equal(1, outcome["S01"].Recipients);
        Assert.Equal(SiteNotificationStatus.Paused, outcome["S02"].Status);
        Assert.Empty(await smtp.MailsToAsync(s02));

        var mail = Assert.Single(await smtp.MailsToAsync(s01));
        Assert.Equal($"SpineMetsRegistry: {digest.Reminders.Count} new follow-up reminders for site S01 (2026-03-03)", mail.Subject);
        var counts = digest.Counts;
        Assert.Contains($"By state: {counts.Missed} missed, {counts.Overdue} overdue, {counts.Due} due, {counts.Upcoming} upcoming", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("  6w: 1 missed, 1 overdue, 1 upcoming", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("  12w: 1 due", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/#site=S01&view=reminders", mail.Raw, StringComparison.Ordinal);

        // Nothing identifying leaves: no study ID (the digest has them), no record date.
        Assert.Equal(digest.Reminders.Count, StudyId().Count(string.Join(' ', digest.Reminders.Select(r => r.StudyId))));
        Assert.Empty(StudyId().Matches(mail.Raw));
        Assert.All(digest.Reminders, r =>
        {
            Assert.DoesNotContain(r.TargetDate.ToString("yyyy-MM-dd"), mail.Raw, StringComparison.Ordinal);
            Assert.DoesNotContain(r.WindowCloses.ToString("yyyy-MM-dd"), mail.Raw, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(A.AddDays(-38).ToString("yyyy-MM-dd"), mail.Raw, StringComparison.Ordinal);
        var register = await world.BlobAsync("S01", ReminderNotifications.RegisterName(A));
        Assert.NotNull(register);
        Assert.DoesNotContain("example.org", System.Text.Encoding.UTF8.GetString(register), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_RerunOfTheDayAndNextQuietDay_NothingSentTwice()
    {
        var (world, s01, _) = await WorldAsync();
        await world.SweepAsync(A.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-40), A.AddDays(-1)); // due on A, overdue A+3

        var first = await world.SweepAsync(A);
        var rerun = await world.SweepAsync(A);
        var quiet = await world.SweepAsync(A.AddDays(1));

        Assert.Equal(SiteNotificationStatus.Sent, first.Notifications.Single(n => n.Site == "S01").Status);
        Assert.Equal(SiteNotificationStatus.AlreadySent, rerun.Notifications.Single(n => n.Site == "S01").Status);
        Assert.Equal(SiteNotificationStatus.NothingNew, quiet.Notifications.Single(n => n.Site == "S01").Status);
        Assert.Single(await smtp.MailsToAsync(s01));
    }

    [Fact]
    public async Task Sweep_MailServerDown_SweepCompletesNothingRecordedRerunSends()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var deadPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var (world, s01, _) = await WorldAsync(Smtp(deadPort));
        await world.SweepAsync(A.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-40), A.AddDays(-1));

        var failed = await world.SweepAsync(A);
        world.Notifier = Smtp(smtp.Server.SmtpPort);
        var retried = await world.SweepAsync(A);

        var outcome = failed.Notifications.Single(n => n.Site == "S01");
        Assert.Equal(SiteNotificationStatus.Failed, outcome.Status);
        Assert.Contains($"cannot connect to the mail server 127.0.0.1:{deadPort}", outcome.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", outcome.Detail, StringComparison.Ordinal);
        Assert.NotNull(await world.DigestAsync("S01", A));
        Assert.Equal(SiteNotificationStatus.Sent, retried.Notifications.Single(n => n.Site == "S01").Status);
        Assert.Single(await smtp.MailsToAsync(s01));
    }

    [Fact]
    public async Task Sweep_NoContactsOrNoServer_SaysSoSendsNothing()
    {
        var (world, s01, _) = await WorldAsync(new UnconfiguredReminderNotifier(), pauseS02: false);
        await world.SweepAsync(A.AddDays(-1));
        await world.EnrollAsync("S01", "S01-0001", A.AddDays(-40), A.AddDays(-1));

        var unconfigured = await world.SweepAsync(A);
        world.ReconfigureSites(site => site.Notifications.Contacts = []);
        world.Notifier = Smtp(smtp.Server.SmtpPort);
        var noContacts = await world.SweepAsync(A);

        Assert.Equal(SiteNotificationStatus.NotConfigured, unconfigured.Notifications.Single(n => n.Site == "S01").Status);
        Assert.Null(await world.BlobAsync("S01", ReminderNotifications.RegisterName(A)));
        Assert.Equal(SiteNotificationStatus.NoContacts, noContacts.Notifications.Single(n => n.Site == "S01").Status);
        Assert.Empty(await smtp.MailsToAsync(s01));
    }
}
