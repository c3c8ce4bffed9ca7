using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Tests.Support;
using SpineMetsRegistry.Pipeline.Workflows;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

/// <summary>
/// The starter reads the announced version while hashing it. A failed version check drops the
/// event only when a newer upload replaced it; with the same version still there it is a
/// failed read (a storage fault answered as a failed condition), and the event must be tried
/// again rather than the upload being lost.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class IngestStarterVersionCheckTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("study_id,record_type\nS01-0001,enrollment\n");

    private readonly InMemoryLandingBlobs _landing = new();

    [Fact]
    public async Task HandleMessageAsync_UploadReplacedWhileHashed_IsIgnoredForTheNewerUploadsOwnEvent()
    {
        _landing.Put("S01", LandingArea.Incoming, "visits.csv", Content);
        var landing = new FailingVersionCheck(_landing, () => _landing.Put("S01", LandingArea.Incoming, "visits.csv", [.. Content, .. "S01-0002,enrollment\n"u8.ToArray()]));
        var workflows = new CountingStarter();

        var outcome = Assert.Single(await Starter(landing).HandleMessageAsync(Message("visits.csv"), workflows));

        Assert.Equal(IngestStartStatus.Ignored, outcome.Outcome);
        Assert.Contains("overwritten", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, workflows.Starts);
    }

    [Fact]
    public async Task HandleMessageAsync_VersionCheckFailsWithTheSameVersionStillThere_ThrowsSoTheEventIsDeliveredAgain()
    {
        var eTag = _landing.Put("S01", LandingArea.Incoming, "visits.csv", Content);
        var landing = new FailingVersionCheck(_landing, changeFirst: null);
        var workflows = new CountingStarter();

        var failure = await Assert.ThrowsAsync<IOException>(() => Starter(landing).HandleMessageAsync(Message("visits.csv"), workflows));

        Assert.IsType<BlobChangedException>(failure.InnerException);
        Assert.Equal(0, workflows.Starts);
        Assert.Equal(eTag, (await _landing.GetAsync("S01", LandingArea.Incoming, "visits.csv"))?.ETag);
    }

    private static IngestStarter Starter(ILandingBlobs landing) =>
        new(landing, new RecordingAuditLog(), ShippedRegistry.Configuration, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)), NullLogger<IngestStarter>.Instance);

    private static string Message(string fileName) =>
        GridEvents.Json(GridEvents.Event(GridEvents.SubjectOf("site-s01", "incoming/" + fileName)));

    /// <summary>The landing store whose next read fails its version check, after an optional overwrite.</summary>
    private sealed class FailingVersionCheck(InMemoryLandingBlobs inner, Action? changeFirst) : ILandingBlobs
    {
        public IAsyncEnumerable<LandingBlob> ListAsync(string site, LandingArea area, CancellationToken cancellationToken = default) =>
            inner.ListAsync(site, area, cancellationToken);

        public Task<LandingBlob?> GetAsync(string site, LandingArea area, string name, CancellationToken cancellationToken = default) =>
            inner.GetAsync(site, area, name, cancellationToken);

        public Task<Stream> OpenReadAsync(string site, LandingArea area, string name, string? ifMatchETag = null, CancellationToken cancellationToken = default)
        {
            changeFirst?.Invoke();
            throw new BlobChangedException($"{name}: the condition on its version was not met.");
        }

        public Task WriteAsync(string site, LandingArea area, string name, Stream content, string contentType, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(site, area, name, content, contentType, cancellationToken);

        public Task<bool> DeleteIfUnchangedAsync(string site, LandingArea area, string name, string ifMatchETag, CancellationToken cancellationToken = default) =>
            inner.DeleteIfUnchangedAsync(site, area, name, ifMatchETag, cancellationToken);
    }

    private sealed class CountingStarter : IWorkflowStarter
    {
        public int Starts { get; private set; }

        public Task<WorkflowStartResult> StartIngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
        {
            Starts++;
            return Task.FromResult(WorkflowStartResult.Started);
        }
    }
}
