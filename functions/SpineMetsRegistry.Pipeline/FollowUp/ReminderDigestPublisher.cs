using System.Globalization;
using System.Security.Cryptography;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>
/// Writes a site's digest for a day into its own <c>reminders/</c> area as
/// <c>&lt;yyyy-MM-dd&gt;.json</c> and <c>.csv</c>, and audits it once. A digest identical
/// to the one already there is not written again, so a rerun of a day sends nothing.
/// </summary>
public sealed class ReminderDigestPublisher(ILandingBlobs landing, IAuditLog audit, TimeProvider time)
{
    /// <summary>The blob name (within <c>reminders/</c>) of a day's digest in a format ("json" or "csv").</summary>
    public static string BlobName(DateOnly date, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}.{extension}");

    /// <summary>Publishes the digest; returns whether anything was written.</summary>
    public async Task<bool> PublishAsync(ReminderDigest digest, int newNotices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var json = ReminderDigestFormats.ToJson(digest);
        var csv = ReminderDigestFormats.ToCsv(digest);
        var jsonName = BlobName(digest.Date, "json");
        var csvName = BlobName(digest.Date, "csv");

        var written = false;
        if (!await HoldsAsync(digest.Site, csvName, csv, cancellationToken))
        {
            await WriteAsync(digest.Site, csvName, csv, "text/csv; charset=utf-8", cancellationToken);
            written = true;
        }

        // The JSON last: a digest whose JSON is there was written whole.
        if (!await HoldsAsync(digest.Site, jsonName, json, cancellationToken))
        {
            await WriteAsync(digest.Site, jsonName, json, "application/json", cancellationToken);
            written = true;
        }

        // Audited once per distinct content, however often the day is rerun.
        var hash = Convert.ToHexStringLower(SHA256.HashData(json))[..16];
        var counts = digest.Counts;
        await audit.AppendAsync(
            new AuditEntry(time.GetUtcNow(), "registry", "reminders.send", $"{digest.Site}/reminders/{jsonName}", "ok",
                string.Create(CultureInfo.InvariantCulture,
                    $"{digest.Reminders.Count} reminders ({newNotices} new): {counts.Missed} missed, {counts.Overdue} overdue, {counts.Due} due, {counts.Upcoming} upcoming, {counts.CompletedOutsideWindow} received outside the window")),
            $"reminders|{digest.Site}|{jsonName}|{hash}",
            cancellationToken);
        return written;
    }

    private async Task<bool> HoldsAsync(string site, string name, byte[] content, CancellationToken cancellationToken)
    {
        var existing = await landing.GetAsync(site, LandingArea.Reminders, name, cancellationToken);
        if (existing is null || existing.SizeBytes != content.Length)
        {
            return false;
        }

        await using var stream = await landing.OpenReadAsync(site, LandingArea.Reminders, name, existing.ETag, cancellationToken);
        using var buffer = new MemoryStream(content.Length);
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length).SequenceEqual(content);
    }

    private async Task WriteAsync(string site, string name, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await landing.WriteAsync(site, LandingArea.Reminders, name, stream, contentType, cancellationToken);
    }
}
