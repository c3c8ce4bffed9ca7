using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Tests.Support;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

/// <summary>The queue-message path both hosts share: event, site and name checks, hashing, start.</summary>
public sealed class IngestStarterTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("study_id,record_type\nS01-0001,enrollment\n");

    private readonly InMemoryLandingBlobs _landing = new();
    private readonly RecordingAuditLog _audit = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task HandleMessageAsync_CommittedBatch_StartsTheWorkflowWithTheHashOfTheExactVersion()
    {
        var eTag = _landing.Put("S01", LandingArea.Incoming, "visits-2026-03.csv", Content);
        var workflows = new RecordingStarter(WorkflowStartResult.Started);

        var outcomes = await Starter().HandleMessageAsync(Message("site-s01", "visits-2026-03.csv"), workflows);

        var request = Assert.Single(workflows.Requests);
        Assert.Equal(new IngestRequest("S01", "visits-2026-03.csv", eTag, Convert.ToHexStringLower(SHA256.HashData(Content)), Content.Length), request);
        Assert.Equal(new IngestStartOutcome("S01", "visits-2026-03.csv", IngestStartStatus.Started, request.Key.InstanceId), Assert.Single(outcomes));
    }

    [Fact]
    public async Task HandleMessageAsync_EachMessage_UsesTheWorkflowStarterItIsGiven()
    {
        // Under Durable Functions the starter wraps one invocation's client binding.
        _landing.Put("S01", LandingArea.Incoming, "a.csv", Content);
        var first = new RecordingStarter(WorkflowStartResult.Started);
        var second = new RecordingStarter(WorkflowStartResult.AlreadyRunning);
        var starter = Starter();

        await starter.HandleMessageAsync(Message("site-s01", "a.csv"), first);
        var outcomes = await starter.HandleMessageAsync(Message("site-s01", "a.csv"), second);

        Assert.Single(first.Requests);
        Assert.Single(second.Requests);
        Assert.Equal(IngestStartStatus.AlreadyRunning, Assert.Single(outcomes).Outcome);
    }

    [Fact]
    public async Task HandleMessageAsync_Base64Message_SameStart()
    {
        _landing.Put("S02", LandingArea.Incoming, "b.jsonl", Content);
        var workflows = new RecordingStarter(WorkflowStartResult.Started);
        var message = Convert.ToBase64String(Encoding.UTF8.GetBytes(Message("site-s02", "b.jsonl")));

        await Starter().HandleMessageAsync(message, workflows);

        Assert.Equal(("S02", "b.jsonl"), (workflows.Requests[0].Site, workflows.Requests[0].FileName));
    }

    [Fact]
    public async Task HandleMessageAsync_ContainerOfNoConfiguredSite_IsIgnored()
    {
        _landing.Put("S99", LandingArea.Incoming, "a.csv", Content);
        var workflows = new RecordingStarter(WorkflowStartResult.Started);

        var outcome = Assert.Single(await Starter().HandleMessageAsync(Message("site-s99", "a.csv"), workflows));

        Assert.Equal(IngestStartStatus.Ignored, outcome.Outcome);
        Assert.Contains("configured site", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(workflows.Requests);
    }

    [Fact]
    public async Task HandleMessageAsync_BlobNoLongerThere_IsIgnored()
    {
        var workflows = new RecordingStarter(WorkflowStartResult.Started);

        var outcome = Assert.Single(await Starter().HandleMessageAsync(Message("site-s01", "gone.csv"), workflows));

        Assert.Equal(IngestStartStatus.Ignored, outcome.Outcome);
        Assert.Empty(workflows.Requests);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("-starts-with-dash.csv")]
    [InlineData("visits 2026.csv")]
    public async Task HandleMessageAsync_UnsupportedFileName_ReportsToTheSiteAndStartsNothing(string fileName)
    {
        _landing.Put("S03", LandingArea.Incoming, fileName, Content);
        var workflows = new RecordingStarter(WorkflowStartResult.Started);

        var outcome = Assert.Single(await Starter().HandleMessageAsync(Message("site-s03", fileName), workflows));

        Assert.Equal(IngestStartStatus.Ignored, outcome.Outcome);
        Assert.Empty(workflows.Requests);
        Assert.Contains(_landing.Blobs.Keys, k => k.Site == "S03" && k.Area == LandingArea.Reports && k.Name.StartsWith("not-processed/", StringComparison.Ordinal));
        Assert.Equal("not_processed", Assert.Single(_audit.Entries).Outcome);
    }

    [Fact]
    public async Task HandleMessageAsync_IdenticalReuploadOfAFinishedBatch_TidiesTheLandingAreaAndAuditsOnce()
    {
        _landing.Put("S01", LandingArea.Incoming, "visits.csv", Content);
        var workflows = new RecordingStarter(WorkflowStartResult.AlreadyCompleted);
        var starter = Starter();

        var outcome = Assert.Single(await starter.HandleMessageAsync(Message("site-s01", "visits.csv"), workflows));

        Assert.Equal(IngestStartStatus.AlreadyCompleted, outcome.Outcome);
        Assert.DoesNotContain(_landing.Blobs.Keys, k => k.Area == LandingArea.Incoming);
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(("site:S01", "upload", "duplicate"), (entry.Actor, entry.Action, entry.Outcome));
    }

    [Theory]
    [InlineData(WorkflowStartResult.Started, IngestStartStatus.Started)]
    [InlineData(WorkflowStartResult.AlreadyRunning, IngestStartStatus.AlreadyRunning)]
    [InlineData(WorkflowStartResult.Restarted, IngestStartStatus.Restarted)]
    public async Task HandleMessageAsync_UploadToProcess_KeepsTheUploadAndReportsTheStart(WorkflowStartResult result, IngestStartStatus expected)
    {
        _landing.Put("S01", LandingArea.Incoming, "visits.csv", Content);

        var outcome = Assert.Single(await Starter().HandleMessageAsync(Message("site-s01", "visits.csv"), new RecordingStarter(result)));

        Assert.Equal(expected, outcome.Outcome);
        Assert.Contains(_landing.Blobs.Keys, k => k.Area == LandingArea.Incoming);
        Assert.Empty(_audit.Entries);
    }

    [Fact]
    public async Task HandleMessageAsync_EventThatIsNotABatch_StartsNothingAndReturnsNoOutcome()
    {
        var workflows = new RecordingStarter(WorkflowStartResult.Started);
        var message = GridEvents.Json(GridEvents.Event(GridEvents.SubjectOf("site-s01", "reports/x.json")));

        Assert.Empty(await Starter().HandleMessageAsync(message, workflows));
        Assert.Empty(workflows.Requests);
    }

    private IngestStarter Starter() => new(_landing, _audit, ShippedRegistry.Configuration, _time, NullLogger<IngestStarter>.Instance);

    private static string Message(string container, string fileName) =>
        GridEvents.Json(GridEvents.Event(GridEvents.SubjectOf(container, "incoming/" + fileName)));

    private sealed class RecordingStarter(WorkflowStartResult result) : IWorkflowStarter
    {
        public List<IngestRequest> Requests { get; } = [];

        public Task<WorkflowStartResult> StartIngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(result);
        }
    }
}
