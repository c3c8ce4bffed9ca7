using DurableTask.Core;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// Purges the history of finished ingest instances older than the retention period
/// (<see cref="EngineSettings.RetentionDays"/>, 30 days by default), so the task hub does not
/// grow for ever; the ledger keeps every batch's outcome. Purging is idempotent, so several
/// worker processes may run it.
/// </summary>
public sealed partial class CompletedInstancePurger(LocalEngine engine, TimeProvider time, ILogger<CompletedInstancePurger> logger) : BackgroundService
{
    private static readonly OrchestrationStatus[] Finished = [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated];

    // Instances cannot be older than the registry: bounds the query from below.
    private static readonly DateTime Origin = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Purges once; returns how many instances were removed.</summary>
    public async Task<int> PurgeOnceAsync()
    {
        var before = time.GetUtcNow().UtcDateTime - engine.Settings.Retention;
        var result = await engine.Service.PurgeInstanceHistoryAsync(Origin, before, Finished);
        if (result.InstancesDeleted > 0)
        {
            LogPurged(logger, result.InstancesDeleted, result.RowsDeleted, engine.Settings.RetentionDays);
        }

        return result.InstancesDeleted;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(engine.Settings.PurgeInterval, time);
        do
        {
            try
            {
                await PurgeOnceAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPurgeFailed(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Instances} finished ingest instance(s) ({Rows} history rows) older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int instances, int rows, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging finished ingest instances failed: {Reason}")]
    private static partial void LogPurgeFailed(ILogger logger, string reason);
}
