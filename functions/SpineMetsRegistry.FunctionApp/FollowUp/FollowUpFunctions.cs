using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.FunctionApp.Http;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.FollowUp;

namespace SpineMetsRegistry.FunctionApp.FollowUp;

/// <summary>
/// The daily follow-up sweep (timer, 06:00 UTC), the operator's manual sweep and a site's
/// reminder digests. Needs an <see cref="IFollowUpSweep"/> registration (the sweep's
/// implementation); the function class is created per invocation, so without one only these
/// three functions fail, and the host still starts.
/// </summary>
public sealed partial class FollowUpFunctions(
    IFollowUpSweep sweep,
    ILandingBlobs landing,
    IAuditLog audit,
    RegistryPolicies policies,
    TimeProvider time,
    ILogger<FollowUpFunctions> logger)
{
    /// <summary>Every day at 06:00 UTC (six-field NCRONTAB, seconds first; Flex Consumption runs timers on UTC).</summary>
    public const string DailySchedule = "0 0 6 * * *";

    private readonly FollowUpApi _api = new(landing, audit, policies, time, sweep);

    /// <summary>The daily sweep. A late or missed run needs no special care: the sweep catches up every day not yet swept.</summary>
    [Function("DailyFollowUpSweep")]
    public async Task SweepDailyAsync([TimerTrigger(DailySchedule)] TimerInfo timer, FunctionContext context)
    {
        var result = await sweep.RunAsync(FollowUpSweepDay.Of(time.GetUtcNow()), context.CancellationToken);
        LogSwept(logger, result.AsOf, result.DaysSwept, result.RemindersSent, timer.IsPastDue);
    }

    /// <summary>GET /api/sites/{site}/reminders.</summary>
    [Function("ListReminders")]
    public async Task<HttpResponseData> ListReminders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sites/{site}/reminders")] HttpRequestData request,
        string site,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await _api.ListRemindersAsync(ApiHttp.Caller(request), site, context.CancellationToken), context.CancellationToken);

    /// <summary>POST /api/operations/sweep[?asOf=YYYY-MM-DD] (operators).</summary>
    [Function("RunSweep")]
    public async Task<HttpResponseData> RunSweep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "operations/sweep")] HttpRequestData request,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await _api.RunSweepAsync(ApiHttp.Caller(request), request.Query["asOf"], context.CancellationToken), context.CancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up sweep as of {AsOf}: {Days} day(s) swept, {Reminders} reminder(s) (past due: {PastDue})")]
    private static partial void LogSwept(ILogger logger, DateOnly asOf, int days, int reminders, bool pastDue);
}
