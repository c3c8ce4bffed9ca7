using System.Globalization;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.LocalHost.Ingest;

/// <summary>
/// Azurite has no Event Grid: this watcher plays its part. It lists each site container's
/// incoming/ area and, for every blob version not yet announced, enqueues the same
/// BlobCreated event (Event Grid schema) that Event Grid delivers in Azure, so the same
/// starter handles both.
/// </summary>
internal sealed partial class ContainerWatcher(
    ILandingBlobs landing,
    IIngestEventQueue queue,
    RegistryConfiguration configuration,
    LocalHostSettings settings,
    TimeProvider time,
    ILogger<ContainerWatcher> logger) : BackgroundService
{
    private readonly HashSet<(string Site, string Name, string ETag)> _announced = [];

    /// <summary>Runs one pass over every site; returns how many new uploads were announced.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string, string)>();
        var announced = 0;
        foreach (var site in configuration.Sites)
        {
            await foreach (var blob in landing.ListAsync(site.Code, LandingArea.Incoming, cancellationToken))
            {
                var key = (site.Code, blob.Name, blob.ETag);
                seen.Add(key);
                if (_announced.Add(key))
                {
                    var json = BlobCreatedEventParser.CreateEventJson("devstoreaccount1", site.Code, blob.Name, blob.ETag, blob.SizeBytes, time.GetUtcNow(),
                        string.Create(CultureInfo.InvariantCulture, $"local-{site.Code}-{blob.ETag.Trim('"')}"));
                    await queue.SendAsync(json, cancellationToken);
                    LogAnnounced(logger, site.Code, blob.Name);
                    announced++;
                }
            }
        }

        // Forget uploads that are gone (ingested and removed), so a later re-upload is seen.
        _announced.RemoveWhere(a => !seen.Contains(a));
        return announced;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.WatchInterval, time);
        do
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogScanFailed(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New upload from site {Site}: incoming/{Name}")]
    private static partial void LogAnnounced(ILogger logger, string site, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching site containers failed: {Reason}")]
    private static partial void LogScanFailed(ILogger logger, string reason);
}
