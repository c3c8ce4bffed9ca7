using System.Text;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Api.Tests.Support;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Tests.Support;

namespace SpineMetsRegistry.Api.Tests.Endpoints;

public sealed class FollowUpApiTests
{
    // 23:30 in New York on 1 March is 04:30 UTC on 2 March: "today" is the UTC day.
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-5));
    private static readonly DateOnly TodayUtc = new(2026, 3, 2);

    private readonly InMemoryLandingBlobs _landing = new();
    private readonly RecordingAuditLog _audit = new();
    private readonly RecordingSweep _sweep = new();

    [Fact]
    public async Task ListRemindersAsync_SiteDataManager_OwnDigestsMostRecentFirst()
    {
        _landing.Put("S01", LandingArea.Reminders, "2026-02-28.csv", Bytes("a"), at: Now.AddDays(-2));
        _landing.Put("S01", LandingArea.Reminders, "2026-03-01.csv", Bytes("bb"), at: Now.AddDays(-1));
        _landing.Put("S01", LandingArea.Reports, "b1@0123456789ab/receipt.json", Bytes("{}"));
        _landing.Put("S02", LandingArea.Reminders, "2026-03-01.csv", Bytes("c"));

        var response = await Api().ListRemindersAsync(Callers.Site("S01"), "s01");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            """{"site":"S01","reminders":[{"name":"2026-03-01.csv","sizeBytes":2,"writtenAt":"2026-02-28T23:30:00-05:00"},{"name":"2026-02-28.csv","sizeBytes":1,"writtenAt":"2026-02-27T23:30:00-05:00"}]}""",
            Body(response));
    }

    [Fact]
    public async Task ListRemindersAsync_Operator_AnySite()
    {
        _landing.Put("S03", LandingArea.Reminders, "2026-03-01.csv", Bytes("x"));

        var response = await Api().ListRemindersAsync(Callers.Operator, "S03");

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("2026-03-01.csv", Body(response), StringComparison.Ordinal);
    }

    public static TheoryData<RegistryCaller?, string, int> Denied => new()
    {
        { null, "S01", 401 },
        { Callers.Site("S02"), "S01", 403 },
        { Callers.Committee, "S01", 403 },
        { Callers.Site("S01"), "S99", 404 },
    };

    [Theory]
    [MemberData(nameof(Denied))]
    public async Task ListRemindersAsync_NotAllowedOrUnknownSite_Refused(RegistryCaller? caller, string site, int status)
    {
        _landing.Put("S01", LandingArea.Reminders, "2026-03-01.csv", Bytes("secret"));

        var response = await Api().ListRemindersAsync(caller, site);

        Assert.Equal(status, response.StatusCode);
        Assert.DoesNotContain("2026-03-01.csv", Body(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSweepAsync_OperatorWithoutADay_SweepsUpToTodayUtcAndAudits()
    {
        var response = await Api().RunSweepAsync(Callers.Operator, null);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([TodayUtc], _sweep.Days);
        Assert.Equal("""{"asOf":"2026-03-02","daysSwept":1,"remindersSent":7}""", Body(response));
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(("operator:ops", "sweep.run", "2026-03-02", "ok"), (entry.Actor, entry.Action, entry.Target, entry.Outcome));
        Assert.Equal(Now, entry.At);
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026-02-20")]
    public async Task RunSweepAsync_OperatorWithAPastOrCurrentDay_SweepsUpToThatDay(string asOf)
    {
        var response = await Api().RunSweepAsync(Callers.Operator, asOf);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([DateOnly.ParseExact(asOf, "yyyy-MM-dd")], _sweep.Days);
    }

    [Theory]
    [InlineData("2026-3-1")]
    [InlineData("01/03/2026")]
    [InlineData("tomorrow")]
    [InlineData("2026-02-30")]
    public async Task RunSweepAsync_DayNotWrittenYyyyMmDd_BadRequestAndNoSweep(string asOf)
    {
        var response = await Api().RunSweepAsync(Callers.Operator, asOf);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(_sweep.Days);
        Assert.Empty(_audit.Entries);
    }

    [Fact]
    public async Task RunSweepAsync_DayAfterTodayUtc_BadRequestAndNoSweep()
    {
        var response = await Api().RunSweepAsync(Callers.Operator, "2026-03-03");

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("2026-03-02", Body(response), StringComparison.Ordinal);
        Assert.Empty(_sweep.Days);
    }

    public static TheoryData<RegistryCaller?, int> NotOperators => new()
    {
        { null, 401 },
        { Callers.Committee, 403 },
        { Callers.Site("S01"), 403 },
    };

    [Theory]
    [MemberData(nameof(NotOperators))]
    public async Task RunSweepAsync_NotAnOperator_RefusedAndNoSweep(RegistryCaller? caller, int status)
    {
        var response = await Api().RunSweepAsync(caller, null);

        Assert.Equal(status, response.StatusCode);
        Assert.Empty(_sweep.Days);
        Assert.Empty(_audit.Entries);
    }

    private FollowUpApi Api() => new(_landing, _audit, ShippedPolicies.Policies, new FakeTimeProvider(Now), _sweep);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Body(ApiResponse response) => Encoding.UTF8.GetString(RenderedResponse.From(response).Body.Span);

    private sealed class RecordingSweep : IFollowUpSweep
    {
        public List<DateOnly> Days { get; } = [];

        public Task<FollowUpSweepResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
        {
            Days.Add(asOf);
            return Task.FromResult(new FollowUpSweepResult(asOf, 1, 7));
        }
    }
}
