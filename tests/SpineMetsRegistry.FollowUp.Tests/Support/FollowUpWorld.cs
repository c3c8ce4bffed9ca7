using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Aggregates;
using SpineMetsRegistry.Storage.Audit;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Provisioning;
using SpineMetsRegistry.Storage.Schedule;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.FollowUp.Tests.Support;

/// <summary>
/// A registry's follow-up machinery on real storage (one Azurite, with a unique table and
/// container prefix per test) and a fake clock: the sweep exactly as the hosts build it, and
/// the schedule writer the ingest uses to plan, complete and stop visits, so a test can walk a
/// cohort through a year of uploads and daily sweeps.
/// </summary>
internal sealed class FollowUpWorld
{
    /// <summary>The hour (UTC) of the daily sweep; uploads of a day are processed after it.</summary>
    public static readonly TimeOnly SweepTime = new(6, 0);

    private Action<RegistrySettings>? _settings;
    private Action<SiteConfiguration>? _site;

    private FollowUpWorld(RegistryStorageClients clients, RegistryPolicies policies, FakeTimeProvider clock, Action<RegistrySettings>? settings)
    {
        _settings = settings;
        Clients = clients;
        Policies = policies;
        Clock = clock;
        Schedule = new TableScheduleStore(clients);
        Log = new TableReminderLog(clients);
        Landing = new LandingBlobStore(clients);
        Audit = new TableAuditLog(clients);
        Aggregates = new TableAggregateStore(clients);
    }

    public RegistryStorageClients Clients { get; }

    public RegistryPolicies Policies { get; private set; }

    public FakeTimeProvider Clock { get; }

    public IScheduleStore Schedule { get; }

    public IReminderLog Log { get; }

    public ILandingBlobs Landing { get; }

    public IAuditLog Audit { get; }

    public IAggregateStore Aggregates { get; }

    /// <summary>Where notifications go (none by default; a test may point it at a real mail server).</summary>
    public IReminderNotifier Notifier { get; set; } = new UnconfiguredReminderNotifier();

    /// <summary>The dashboard address notification mails link to.</summary>
    public Uri? DashboardUrl { get; set; }

    public string[] Sites => [.. Policies.Configuration.Sites.Select(s => s.Code)];

    public static async Task<FollowUpWorld> CreateAsync(AzuriteFixture azurite, DateOnly start, Action<RegistrySettings>? configure = null, params string[] sites)
    {
        sites = sites.Length == 0 ? ["S01", "S02"] : sites;
        var options = new RegistryStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = StorageNames.Table("f"),
            ContainerPrefix = StorageNames.Container("f") + "-",
        };
        var clients = new RegistryStorageClients(options);
        await new RegistryStorageProvisioner(clients).EnsureCreatedAsync(sites);
        var clock = new FakeTimeProvider(new DateTimeOffset(start.AddDays(-1).ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero));
        return new FollowUpWorld(clients, Configure(sites, configure), clock, configure);
    }

    public static RegistryPolicies Configure(string[] sites, Action<RegistrySettings>? configure, Action<SiteConfiguration>? site = null)
    {
        var configuration = new RegistryConfiguration
        {
            Sites = [.. sites.Select(code => new SiteConfiguration { Code = code, DisplayName = "Site " + code, StudyIdPattern = $"^{code}-[0-9]{{4}}$" })],
        };
        configure?.Invoke(configuration.Settings);
        foreach (var configured in configuration.Sites)
        {
            site?.Invoke(configured);
        }

        var resolved = RegistryPolicies.Create(configuration);
        return resolved.Value ?? throw new InvalidOperationException(string.Join("; ", resolved.Errors));
    }

    /// <summary>The sweep as the hosts compose it, with the world's current policies.</summary>
    public FollowUpSweep NewSweep(IReminderLog? log = null, ILandingBlobs? landing = null)
    {
        log ??= Log;
        return new FollowUpSweep(
            Schedule,
            log,
            new ReminderDigestPublisher(landing ?? Landing, Audit, Clock),
            new ReminderNotifications(Notifier, landing ?? Landing, Audit, Policies, Options.Create(new ReminderNotificationOptions { DashboardUrl = DashboardUrl }), Clock),
            new ComplianceDigestWriter(Schedule, Aggregates, Audit, Policies, Clock),
            new ProtocolReplan(Schedule, log, Policies),
            Policies);
    }

    /// <summary>Moves the clock to the day's sweep time and runs the sweep as of that day.</summary>
    public async Task<FollowUpSweepResult> SweepAsync(DateOnly day)
    {
        MoveTo(day, SweepTime);
        using var sweep = NewSweep();
        return await sweep.RunAsync(day);
    }

    /// <summary>Changes the registry configuration (e.g. the protocol), as a restart with a new registry.json would.</summary>
    public void Reconfigure(Action<RegistrySettings> configure)
    {
        _settings = configure;
        Policies = Configure(Sites, _settings, _site);
    }

    /// <summary>Changes every site's entry (e.g. its notification contacts), as a restart with a new registry.json would.</summary>
    public void ReconfigureSites(Action<SiteConfiguration> site)
    {
        _site = site;
        Policies = Configure(Sites, _settings, _site);
    }

    public void MoveTo(DateOnly day, TimeOnly time)
    {
        var target = new DateTimeOffset(day.ToDateTime(time), TimeSpan.Zero);
        if (target > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(target);
        }
    }

    /// <summary>An enrollment arriving on <paramref name="arrival"/> (processed after that day's sweep).</summary>
    public Task EnrollAsync(string site, string studyId, DateOnly indexDate, DateOnly arrival) =>
        ApplyAsync(site, studyId, arrival, _ => new PatientScheduleUpdate(indexDate, new Dictionary<string, int>(), null));

    /// <summary>A follow-up visit of a time point on day <paramref name="visitDay"/> after index, arriving on <paramref name="arrival"/>.</summary>
    public Task ReceiveVisitAsync(string site, string studyId, string timePoint, int visitDay, DateOnly arrival) =>
        ApplyAsync(site, studyId, arrival, _ => new PatientScheduleUpdate(null, new Dictionary<string, int> { [timePoint] = visitDay }, null));

    /// <summary>A death on day <paramref name="deathDay"/> after index, reported on <paramref name="arrival"/>.</summary>
    public Task ReportDeathAsync(string site, string studyId, int deathDay, DateOnly arrival) =>
        ApplyAsync(site, studyId, arrival, _ => new PatientScheduleUpdate(null, new Dictionary<string, int>(), deathDay));

    /// <summary>The day's digest of a site as written in its reminders/ area, or null.</summary>
    public async Task<ReminderDigest?> DigestAsync(string site, DateOnly day)
    {
        var bytes = await BlobAsync(site, ReminderDigestPublisher.BlobName(day, "json"));
        return bytes is null ? null : ReminderDigestFormats.FromJson(bytes);
    }

    public async Task<byte[]?> BlobAsync(string site, string name)
    {
        if (await Landing.GetAsync(site, LandingArea.Reminders, name) is null)
        {
            return null;
        }

        await using var stream = await Landing.OpenReadAsync(site, LandingArea.Reminders, name);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async Task<List<AuditEntry>> AuditOfDayAsync(DateOnly day)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in Audit.ReadDayAsync(day))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private async Task ApplyAsync(string site, string studyId, DateOnly arrival, Func<IReadOnlyList<ScheduledVisit>, PatientScheduleUpdate> describe)
    {
        MoveTo(arrival, new TimeOnly(10, 0));
        await new PatientScheduleWriter(Schedule).ApplyAsync(site, studyId, Policies.Protocol, describe, arrival);
    }
}
