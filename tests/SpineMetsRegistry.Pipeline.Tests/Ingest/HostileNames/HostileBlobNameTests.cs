using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Tests.Support;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest.HostileNames;

/// <summary>
/// Hostile blob names through the event parser and the starter (issue 16): each gets its
/// specific outcome, and none is ever processed as another site's batch or outside incoming/.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class HostileBlobNameTests
{
    private const string NotProcessedReason = "unsupported file name";
    private const string OnlyDirectlyUnderIncoming = "only files directly under incoming/";
    private const string NotUnderIncoming = "the blob is not under incoming/";
    private const string NoSite = "does not belong to a configured site";

    private static readonly byte[] Content = Encoding.UTF8.GetBytes("record_type,study_id\nwithdrawal,S01-0001\n");

    private readonly InMemoryLandingBlobs _landing = new();
    private readonly RecordingAuditLog _audit = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public static IReadOnlyList<HostileBlobName> Names { get; } =
    [
        new("dot-dot segment", "site-s01", "incoming/../escape.csv", NameOutcome.EventIgnored, OnlyDirectlyUnderIncoming),
        new("dot-dot out of incoming", "site-s01", "incoming/../../site-s02/incoming/x.csv", NameOutcome.EventIgnored, OnlyDirectlyUnderIncoming),
        new("dot-dot into another container", "site-s01", "../site-s02/blobs/incoming/x.csv", NameOutcome.EventIgnored, NotUnderIncoming),
        new("sub-folder of incoming", "site-s01", "incoming/sub/x.csv", NameOutcome.EventIgnored, OnlyDirectlyUnderIncoming),
        new("reports area", "site-s01", "reports/x.csv", NameOutcome.EventIgnored, NotUnderIncoming),
        new("central container", "quarantine", "incoming/x.csv", NameOutcome.EventIgnored, "not in a site container"),
        new("raw container", "raw", "S01/x.csv", NameOutcome.EventIgnored, "not in a site container"),
        new("empty site code", "site-", "incoming/x.csv", NameOutcome.EventIgnored, "no site code"),
        new("empty file name", "site-s01", "incoming/", NameOutcome.EventIgnored, OnlyDirectlyUnderIncoming),
        new("encoded slash with dot-dot", "site-s01", "incoming/..%2F..%2Fsite-s02%2Fx.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("encoded slash", "site-s01", "incoming/a%2Fb.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("encoded backslash", "site-s01", "incoming/a%5Cb.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("backslash dot-dot", "site-s01", "incoming/..\\..\\x.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("hidden file", "site-s01", "incoming/.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("name starting with a dot", "site-s01", "incoming/.hidden.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("Unicode hyphen look-alike", "site-s01", "incoming/visits\u20102026.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("full-width extension", "site-s01", "incoming/visits.\uFF43\uFF53\uFF56", NameOutcome.NotProcessed, NotProcessedReason),
        new("Cyrillic letter in the name", "site-s01", "incoming/vi\u0455its.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("right-to-left override", "site-s01", "incoming/batch\u202Evsc.exe", NameOutcome.NotProcessed, NotProcessedReason),
        new("NUL in the name", "site-s01", "incoming/batch\u0000.csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("double extension", "site-s01", "incoming/batch.csv.exe", NameOutcome.NotProcessed, NotProcessedReason),
        new("spreadsheet", "site-s01", "incoming/batch.xlsx", NameOutcome.NotProcessed, NotProcessedReason),
        new("batch ID of 101 characters", "site-s01", "incoming/" + new string('a', 101) + ".csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("name of 1,024 characters", "site-s01", "incoming/" + new string('b', 1_020) + ".csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("spaces and quotes", "site-s01", "incoming/\"my batch\".csv", NameOutcome.NotProcessed, NotProcessedReason),
        new("Cyrillic s in the container", "site-\u0455" + "01", "incoming/x.csv", NameOutcome.UploadIgnored, NoSite),
        new("encoded slash in the container", "site-s01%2F..%2Fsite-s02", "incoming/x.csv", NameOutcome.UploadIgnored, NoSite),
        new("unknown site", "site-s99", "incoming/x.csv", NameOutcome.UploadIgnored, NoSite),
        new("another site's prefix in the name", "site-s02", "incoming/S01-visits.csv", NameOutcome.Started, "S02"),
        new("another site's container spelled in capitals", "site-S02", "incoming/x.csv", NameOutcome.Started, "S02"),
        new("the upload of one's own site", "site-s01", "incoming/visits-2026-03.csv", NameOutcome.Started, "S01"),
    ];

    public static TheoryData<HostileBlobName> Cases()
    {
        var data = new TheoryData<HostileBlobName>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HandleMessageAsync_HostileBlobName_GetsItsSpecificOutcome(HostileBlobName name)
    {
        var message = GridEvents.Json(GridEvents.Event(GridEvents.SubjectOf(name.Container, name.BlobPath)));
        var parsed = BlobCreatedEventParser.Parse(message);
        var workflows = new RecordingStarter();

        if (name.Outcome == NameOutcome.EventIgnored)
        {
            Assert.Empty(parsed.Notices);
            Assert.Contains(name.Expected, Assert.Single(parsed.Ignored), StringComparison.Ordinal);
            Assert.Empty(await Starter().HandleMessageAsync(message, workflows));
            Assert.Empty(workflows.Requests);
            return;
        }

        var notice = Assert.Single(parsed.Notices);
        _landing.Put(notice.Site, LandingArea.Incoming, notice.FileName, Content);

        var outcome = Assert.Single(await Starter().HandleMessageAsync(message, workflows));

        var reports = _landing.Blobs.Keys.Where(k => k.Area == LandingArea.Reports).ToList();
        switch (name.Outcome)
        {
            case NameOutcome.Started:
                Assert.Equal(IngestStartStatus.Started, outcome.Outcome);
                Assert.Equal(name.Expected, Assert.Single(workflows.Requests).Site);
                Assert.Empty(reports);
                break;
            case NameOutcome.NotProcessed:
                Assert.Equal(IngestStartStatus.Ignored, outcome.Outcome);
                Assert.Contains(name.Expected, outcome.Detail, StringComparison.Ordinal);
                Assert.Empty(workflows.Requests);
                var report = Assert.Single(reports);
                Assert.StartsWith("not-processed/", report.Name, StringComparison.Ordinal);
                Assert.DoesNotContain('/', report.Name["not-processed/".Length..]);
                Assert.True(report.Name.Length < 1_100, "the report's name is bounded by the upload's name");
                Assert.Equal("not_processed", Assert.Single(_audit.Entries).Outcome);
                break;
            default:
                Assert.Equal(IngestStartStatus.Ignored, outcome.Outcome);
                Assert.Contains(name.Expected, outcome.Detail, StringComparison.Ordinal);
                Assert.Empty(workflows.Requests);
                Assert.Empty(reports);
                break;
        }

        Assert.True(_landing.Blobs.ContainsKey((notice.Site, LandingArea.Incoming, notice.FileName)) || name.Outcome == NameOutcome.Started,
            "a refused upload stays where the site put it");
    }

    [Fact]
    public void Corpus_HasAtLeastTwentyNames()
    {
        Assert.True(Names.Count >= 20, $"{Names.Count} hostile names");
        Assert.Equal(Names.Count, Names.Select(n => n.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(-1, IngestStartStatus.Ignored)]
    [InlineData(0, IngestStartStatus.Started)]
    public async Task HandleMessageAsync_BatchOverTheSizeLimit_IsNotProcessedBeforeAnyByteIsRead(int limitMinusSize, IngestStartStatus expected)
    {
        var configuration = RegistryConfigurationLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "registry.json")).Value!;
        configuration.Settings.MaxBatchBytes = Content.Length + limitMinusSize;
        _landing.Put("S01", LandingArea.Incoming, "big.csv", Content);
        var workflows = new RecordingStarter();
        var starter = new IngestStarter(_landing, _audit, configuration, _time, NullLogger<IngestStarter>.Instance);

        var outcome = Assert.Single(await starter.HandleMessageAsync(GridEvents.Json(GridEvents.Event(GridEvents.SubjectOf("site-s01", "incoming/big.csv"))), workflows));

        Assert.Equal(expected, outcome.Outcome);
        Assert.Equal(expected == IngestStartStatus.Started ? 1 : 0, workflows.Requests.Count);
        Assert.Equal(expected == IngestStartStatus.Started ? 0 : 1, _landing.Blobs.Keys.Count(k => k.Area == LandingArea.Reports));
        if (expected == IngestStartStatus.Ignored)
        {
            Assert.Contains("over the batch size limit", outcome.Detail, StringComparison.Ordinal);
        }
    }

    private IngestStarter Starter() => new(_landing, _audit, ShippedRegistry.Configuration, _time, NullLogger<IngestStarter>.Instance);

    private sealed class RecordingStarter : IWorkflowStarter
    {
        public List<IngestRequest> Requests { get; } = [];

        public Task<WorkflowStartResult> StartIngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(WorkflowStartResult.Started);
        }
    }
}
