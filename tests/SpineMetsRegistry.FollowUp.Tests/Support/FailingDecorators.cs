using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.FollowUp.Tests.Support;

/// <summary>A crash in the middle of a sweep: the real reminder log, whose notice writes fail after the first <paramref name="succeeding"/>.</summary>
internal sealed class CrashingReminderLog(IReminderLog inner, int succeeding) : IReminderLog
{
    private int _recorded;

    public Task<SweepWatermark?> GetWatermarkAsync(CancellationToken cancellationToken = default) => inner.GetWatermarkAsync(cancellationToken);

    public Task SetWatermarkAsync(SweepWatermark watermark, CancellationToken cancellationToken = default) => inner.SetWatermarkAsync(watermark, cancellationToken);

    public Task<string?> GetAppliedProtocolAsync(CancellationToken cancellationToken = default) => inner.GetAppliedProtocolAsync(cancellationToken);

    public Task SetAppliedProtocolAsync(string fingerprint, CancellationToken cancellationToken = default) => inner.SetAppliedProtocolAsync(fingerprint, cancellationToken);

    public Task<ReminderNotice?> GetLastNoticeAsync(string site, string studyId, string timePoint, CancellationToken cancellationToken = default) =>
        inner.GetLastNoticeAsync(site, studyId, timePoint, cancellationToken);

    // A write let through goes out whatever follows: the sweep records notices in parallel and
    // cancels the writes in flight when one fails, and a write cancelled before it reached storage
    // would make how many the crash left recorded a race (the rerun then found 4 new, not 3).
    public Task RecordNoticeAsync(string site, string studyId, string timePoint, ReminderNotice notice, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _recorded) > succeeding
            ? throw new IOException("Simulated crash while recording notices.")
            : inner.RecordNoticeAsync(site, studyId, timePoint, notice, CancellationToken.None);
}

/// <summary>A crash while publishing: the real landing blobs, whose writes into one site's container fail.</summary>
internal sealed class CrashingLandingBlobs(ILandingBlobs inner, string failingSite) : ILandingBlobs
{
    public IAsyncEnumerable<LandingBlob> ListAsync(string site, LandingArea area, CancellationToken cancellationToken = default) => inner.ListAsync(site, area, cancellationToken);

    public Task<LandingBlob?> GetAsync(string site, LandingArea area, string name, CancellationToken cancellationToken = default) => inner.GetAsync(site, area, name, cancellationToken);

    public Task<Stream> OpenReadAsync(string site, LandingArea area, string name, string? ifMatchETag = null, CancellationToken cancellationToken = default) =>
        inner.OpenReadAsync(site, area, name, ifMatchETag, cancellationToken);

    public Task WriteAsync(string site, LandingArea area, string name, Stream content, string contentType, CancellationToken cancellationToken = default) =>
        site == failingSite
            ? throw new IOException($"Simulated crash while writing into site {site}'s container.")
            : inner.WriteAsync(site, area, name, content, contentType, cancellationToken);

    public Task<bool> DeleteIfUnchangedAsync(string site, LandingArea area, string name, string ifMatchETag, CancellationToken cancellationToken = default) =>
        inner.DeleteIfUnchangedAsync(site, area, name, ifMatchETag, cancellationToken);
}
