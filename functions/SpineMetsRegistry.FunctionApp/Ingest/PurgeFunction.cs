using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SpineMetsRegistry.FunctionApp.Ingest;

/// <summary>
/// Purges the history of finished ingest instances older than the retention period
/// (<c>Registry:Engine:RetentionDays</c>, 30 days by default, as the local host), once a day:
/// the task hub does not grow for ever, and the ledger keeps every batch's outcome.
/// </summary>
public sealed partial class PurgeFunction(IConfiguration configuration, TimeProvider time, ILogger<PurgeFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "PurgeFinishedIngests";

    /// <summary>Every day at 05:00 UTC, before the follow-up sweep.</summary>
    public const string DailySchedule = "0 0 5 * * *";

    /// <summary>Retention when the setting is absent.</summary>
    public const int DefaultRetentionDays = 30;

    /// <summary>Purges finished instances created before the retention period.</summary>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger(DailySchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        var days = configuration.GetValue("Registry:Engine:RetentionDays", DefaultRetentionDays);
        var filter = new PurgeInstancesFilter(
            CreatedFrom: null,
            CreatedTo: time.GetUtcNow() - TimeSpan.FromDays(days),
            Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]);
        var result = await client.PurgeAllInstancesAsync(filter, context.CancellationToken);
        LogPurged(logger, result.PurgedInstanceCount, days);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} finished ingest instance(s) older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);
}
