using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.Pipeline.FollowUp;

namespace SpineMetsRegistry.FunctionApp.FollowUp;

/// <summary>
/// The daily follow-up sweep on a timer. Binding only: the sweep lives in the Pipeline project,
/// and its HTTP routes (reminders, committee digest, on-demand sweep) are rows of the shared
/// route table (<see cref="Http.RegistryHttpFunctions"/>).
/// </summary>
public sealed partial class FollowUpFunctions(IFollowUpSweep sweep, TimeProvider time, ILogger<FollowUpFunctions> logger)
{
    /// <summary>
    /// The app setting that holds the timer's schedule. Bicep sets it from infra/registry.json's
    /// <c>settings.followUpSweepSchedule</c>, which the local host's daily job reads too: one
    /// setting, both hosts.
    /// </summary>
    public const string ScheduleSetting = "FollowUpSweepSchedule";

    /// <summary>Sweeps up to today (UTC); days missed since the last run are caught up by the sweep itself.</summary>
    [Function("DailyFollowUpSweep")]
    public async Task SweepDailyAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        var result = await sweep.RunAsync(FollowUpSweepDay.Of(time.GetUtcNow()), context.CancellationToken);
        LogSwept(logger, result.AsOf, result.Summary, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up sweep as of {AsOf}: {Summary} (past due: {PastDue})")]
    private static partial void LogSwept(ILogger logger, DateOnly asOf, string summary, bool pastDue);
}
