using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.LocalHost.Ingest;

/// <summary>
/// Decides which ingest events can never be processed, so the queue processor moves them to
/// the poison queue at once with the reason instead of consuming them quietly:
/// <list type="bullet">
/// <item>a message that announces no batch (not JSON, not an Event Grid event, not a committed
/// blob directly under a site's <c>incoming/</c>): no delivery will ever make it one;</item>
/// <item>an upload of a container that belongs to no configured site;</item>
/// <item>an upload that is not there and of which no batch was ever received: nothing was ever
/// there to process (or the site removed it before it was).</item>
/// </list>
/// An upload that is gone <em>because</em> it was received (its batch ID is in the site's
/// ledger) is not poison: that is the same event delivered again, late, which must stay a
/// harmless no-op. Reasons never carry record values: the event's own parse notes, the site
/// code and the file name the site chose.
/// </summary>
internal sealed class UnprocessableEvents(ILandingBlobs landing, IBatchLedger ledger, RegistryConfiguration configuration)
{
    /// <summary>Why a message announces no batch, or null when it announces at least one.</summary>
    public static string? Unreadable(string messageText)
    {
        var parsed = BlobCreatedEventParser.Parse(messageText);
        return parsed.Notices.Count > 0
            ? null
            : "it announces no batch upload: " + (parsed.Ignored.Count == 0 ? "it holds no event." : string.Join(" ", parsed.Ignored));
    }

    /// <summary>Why the starter's outcomes show an upload that can never be processed, or null.</summary>
    public async Task<string?> ReasonAsync(IReadOnlyList<IngestStartOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes.Where(o => o.Outcome == IngestStartStatus.Ignored))
        {
            var site = configuration.FindSite(outcome.Site);
            if (site is null)
            {
                return $"its container (site {outcome.Site}) belongs to no configured site.";
            }

            if (await landing.GetAsync(site.Code, LandingArea.Incoming, outcome.FileName, cancellationToken) is null
                && !await WasReceivedAsync(site.Code, Path.GetFileNameWithoutExtension(outcome.FileName), cancellationToken))
            {
                return $"incoming/{outcome.FileName} of site {site.Code} does not exist, and no batch of that name was ever received.";
            }
        }

        return null;
    }

    private async Task<bool> WasReceivedAsync(string site, string batchId, CancellationToken cancellationToken)
    {
        await foreach (var entry in ledger.ListAsync(site, cancellationToken))
        {
            if (string.Equals(entry.BatchId, batchId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
