using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.FunctionApp.Http;
using SpineMetsRegistry.Pipeline.FollowUp;

namespace SpineMetsRegistry.FunctionApp.FollowUp;

/// <summary>
/// The follow-up functions: the daily sweep on a timer, and the reminder, committee-digest
/// and on-demand sweep routes of the shared API. Bindings only: the sweep and the handlers
/// live in the Pipeline and Api projects.
/// </summary>
public sealed partial class FollowUpFunctions(IFollowUpSweep sweep, RegistryApi api, TimeProvider time, ILogger<FollowUpFunctions> logger)
{
    /// <summary>Every day at 06:00 UTC (six-field NCRONTAB, seconds first).</summary>
    public const string DailySchedule = "0 0 6 * * *";

    /// <summary>Sweeps up to today (UTC); days missed since the last run are caught up by the sweep itself.</summary>
    [Function("DailyFollowUpSweep")]
    public async Task SweepDailyAsync([TimerTrigger(DailySchedule)] TimerInfo timer, FunctionContext context)
    {
        var result = await sweep.RunAsync(FollowUpSweepDay.Of(time.GetUtcNow()), context.CancellationToken);
        LogSwept(logger, result.AsOf, result.Summary, timer.IsPastDue);
    }

    /// <summary>GET /api/sites/{site}/reminders[?asOf=]: the site's current reminders.</summary>
    [Function("ListReminders")]
    public async Task<HttpResponseData> ListReminders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sites/{site}/reminders")] HttpRequestData request,
        string site,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.GetSiteRemindersAsync(ApiHttp.Caller(request), site, request.Query["asOf"], context.CancellationToken), context.CancellationToken);

    /// <summary>GET /api/committee/digest: sites below the follow-up compliance threshold.</summary>
    [Function("CommitteeDigest")]
    public async Task<HttpResponseData> CommitteeDigest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "committee/digest")] HttpRequestData request,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.GetCommitteeDigestAsync(ApiHttp.Caller(request), context.CancellationToken), context.CancellationToken);

    /// <summary>POST /api/operations/sweep[?asOf=YYYY-MM-DD]: an operator runs the sweep on demand.</summary>
    [Function("RunSweep")]
    public async Task<HttpResponseData> RunSweep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "operations/sweep")] HttpRequestData request,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.RunSweepAsync(ApiHttp.Caller(request), request.Query["asOf"], context.CancellationToken), context.CancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up sweep as of {AsOf}: {Summary} (past due: {PastDue})")]
    private static partial void LogSwept(ILogger logger, DateOnly asOf, string summary, bool pastDue);
}
