using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Pipeline.Audit;

namespace SpineMetsRegistry.Api.Audit;

/// <summary>
/// The one place reads (and operator actions) are audited: after a successful call of a route
/// whose table row names an audit action, one entry with the caller's audit name, the action,
/// and what the handler said it served. Refused and failed calls are not entries (nothing was
/// disclosed); an audited route that succeeds without saying what it served is a defect and fails.
/// </summary>
public sealed class AuditFilter(IAuditLog audit, TimeProvider time)
{
    /// <summary>Writes the entry of a served call, if its route is audited.</summary>
    public async Task WriteAsync(ApiCall call, IResult result)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Route.AuditAction is not { } action || !IsSuccess(result))
        {
            return;
        }

        var note = call.AuditNote ?? throw new InvalidOperationException($"Audited route {call.Route.Name} succeeded without stating what it served.");
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), call.SignedIn.AuditName, action, note.Target, note.Outcome, note.Detail), null, call.Aborted);
    }

    private static bool IsSuccess(IResult result) =>
        result is not IStatusCodeHttpResult { StatusCode: { } status } || status is >= 200 and < 300;
}
