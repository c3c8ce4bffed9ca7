using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Audit;
using SpineMetsRegistry.Api.Authorization;
using SpineMetsRegistry.Api.Identity;

namespace SpineMetsRegistry.Api.Http;

/// <summary>
/// Serves one row of the route table, the same way in both hosts: the host's
/// <see cref="ICallerResolver"/> says who is calling, <see cref="RouteAuthorization"/> what
/// they may do, the handler answers, and <see cref="AuditFilter"/> records what was disclosed;
/// a refusal (401, 403) is recorded by <see cref="RefusalAudit"/>.
/// The local host calls it from its mapped endpoints; the Functions app from its HTTP functions.
/// </summary>
public sealed class ApiPipeline(IServiceProvider services, ICallerResolver callers, RouteAuthorization authorization, AuditFilter audit, RefusalAudit refusals)
{
    /// <summary>Serves a request of <paramref name="route"/> with its route values.</summary>
    public async Task<IResult> InvokeAsync(ApiRoute route, HttpRequest request, IReadOnlyDictionary<string, string?> routeValues)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        var call = new ApiCall(route, request, callers.Resolve(request), routeValues);
        if (authorization.Authorize(call) is { } refused)
        {
            await refusals.WriteAsync(call, refused);
            return refused;
        }

        var result = await route.Handler(services, call);
        await audit.WriteAsync(call, result);
        return result;
    }
}
