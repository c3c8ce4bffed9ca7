using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Audit;
using SpineMetsRegistry.Api.Identity;

namespace SpineMetsRegistry.Api.Http;

/// <summary>
/// One request as a handler sees it: the ASP.NET Core request, its route values, the caller the
/// host vouched for, and what authorization resolved (the configured site code, the normalised
/// aggregate scope). A handler states what it served for the audit filter with <see cref="Audited"/>.
/// </summary>
public sealed class ApiCall(ApiRoute route, HttpRequest request, RegistryCaller? caller, IReadOnlyDictionary<string, string?> routeValues)
{
    private string? _site;
    private string? _scope;

    /// <summary>The route being served.</summary>
    public ApiRoute Route { get; } = route;

    /// <summary>The request.</summary>
    public HttpRequest Request { get; } = request;

    /// <summary>The caller, or null when unauthenticated.</summary>
    public RegistryCaller? Caller { get; } = caller;

    /// <summary>The signed-in caller (routes other than <see cref="ApiAccess.Anyone"/> are only served to one).</summary>
    public RegistryCaller SignedIn => Caller ?? throw new InvalidOperationException($"Route {Route.Name} was served without a caller.");

    /// <summary>Cancelled when the client goes away.</summary>
    public CancellationToken Aborted => Request.HttpContext.RequestAborted;

    /// <summary>The configured code of the route's site (set by authorization).</summary>
    public string Site
    {
        get => _site ?? throw new InvalidOperationException($"Route {Route.Name} has no authorized site.");
        internal set => _site = value;
    }

    /// <summary>The normalised aggregate scope (set by authorization).</summary>
    public string Scope
    {
        get => _scope ?? throw new InvalidOperationException($"Route {Route.Name} has no authorized scope.");
        internal set => _scope = value;
    }

    /// <summary>What the handler said it served, for the audit filter.</summary>
    public AuditNote? AuditNote { get; private set; }

    /// <summary>A route value (null when absent).</summary>
    public string? RouteValue(string name) => routeValues.TryGetValue(name, out var value) ? value : null;

    /// <summary>A query-string value (null when absent or empty).</summary>
    public string? Query(string name) => Request.Query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>Tells the audit filter what was served: the target, a short detail (counts, never values) and the outcome.</summary>
    public void Audited(string target, string? detail, string outcome = "ok") => AuditNote = new AuditNote(target, detail, outcome);
}
