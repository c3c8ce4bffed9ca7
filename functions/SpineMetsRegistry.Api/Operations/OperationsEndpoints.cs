using System.Globalization;
using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Pipeline.FollowUp;

namespace SpineMetsRegistry.Api.Operations;

/// <summary>What operators run on demand (authorized for operators by the pipeline).</summary>
public sealed class OperationsEndpoints(IFollowUpSweep sweep, TimeProvider time)
{
    /// <summary>Runs the follow-up sweep as of <c>?asOf=</c> (default today, UTC), never a future day.</summary>
    public async Task<IResult> RunSweepAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!ApiDay.TryRead(call.Query("asOf"), time, out var day))
        {
            return ApiResults.BadRequest(ApiDay.Expected);
        }

        // A sweep of a future day would move the watermark ahead and silence the real
        // reminders until then; previews of later days belong to a test registry
        // (the local host's --sweep-as-of).
        if (day > ApiDay.Today(time))
        {
            return ApiResults.BadRequest("asOf must not be later than today (UTC): a sweep of a future day would suppress the real reminders until then.");
        }

        var result = await sweep.RunAsync(day, call.Aborted);
        call.Audited(string.Create(CultureInfo.InvariantCulture, $"sweep/{day:yyyy-MM-dd}"), result.Summary, result.Mode == SweepMode.AlreadySwept ? "skipped" : "ok");
        return ApiResults.Ok(result);
    }
}
