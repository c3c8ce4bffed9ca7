using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Audit;

namespace SpineMetsRegistry.Api.Audit;

/// <summary>
/// Audits every call the route authorization refuses with 401 or 403 (issue 16): one entry
/// <c>access.refused</c> with the caller (or "anonymous"), the route and the configured site or
/// scope it aimed at, and why (no credential, a malformed or unrecognised one, or roles that do
/// not allow it). It never records the credential presented, nor a route value that is not a
/// configured site or scope: a refused caller can type anything into a URL, identifiers included.
/// </summary>
public sealed class RefusalAudit(IAuditLog audit, ICallerResolver callers, RegistryPolicies policies, TimeProvider time)
{
    /// <summary>The audit action of a refusal.</summary>
    public const string Action = "access.refused";

    /// <summary>Writes the entry of a refused call (nothing for other answers, such as 404 for an unknown site).</summary>
    public async Task WriteAsync(ApiCall call, IResult refusal)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (refusal is not IStatusCodeHttpResult { StatusCode: var status and (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden) })
        {
            return;
        }

        var reason = status == StatusCodes.Status403Forbidden ? "roles_not_allowed" : Reason(callers.Inspect(call.Request));
        var entry = new AuditEntry(time.GetUtcNow(), call.Caller?.AuditName ?? "anonymous", Action, Target(call), "refused", $"{status} {reason}");
        await audit.AppendAsync(entry, null, call.Aborted);
    }

    private static string Reason(PresentedCredential presented) => presented switch
    {
        PresentedCredential.None => "no_credential",
        PresentedCredential.Malformed => "malformed_credential",
        PresentedCredential.NotRecognised => "unrecognised_credential",
        _ => "not_signed_in",
    };

    // The route, plus the site or scope it aimed at when that is a configured one.
    private string Target(ApiCall call)
    {
        var target = call.Route.Name;
        if (call.RouteValue("site") is { } site && policies.FindSite(site) is { } configured)
        {
            target += " site " + configured.Code;
        }

        if (call.RouteValue("scope") is { } scope && KnownScope(scope) is { } known)
        {
            target += " scope " + known;
        }

        return target;
    }

    private string? KnownScope(string scope)
    {
        const string SitePrefix = "site:";
        if (string.Equals(scope, "pooled", StringComparison.OrdinalIgnoreCase))
        {
            return "pooled";
        }

        var code = scope.StartsWith(SitePrefix, StringComparison.OrdinalIgnoreCase) ? scope[SitePrefix.Length..] : scope;
        return policies.FindSite(code) is { } site ? SitePrefix + site.Code : null;
    }
}
