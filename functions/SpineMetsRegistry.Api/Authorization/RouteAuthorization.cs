using System.Globalization;
using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Aggregates;

namespace SpineMetsRegistry.Api.Authorization;

/// <summary>
/// What a caller may do, decided from the route table's <see cref="ApiAccess"/> before any
/// handler runs: 401 without a caller, 404 for a site or scope that does not exist, 403 when the
/// caller's roles do not allow it. On success it resolves the configured site code or the
/// normalised aggregate scope onto the call.
/// </summary>
public sealed class RouteAuthorization(RegistryPolicies policies)
{
    private const string SitePrefix = "site:";

    /// <summary>Null when the call may proceed; otherwise the refusal to send.</summary>
    public IResult? Authorize(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var route = call.Route;
        if (route.Access == ApiAccess.Anyone)
        {
            return null;
        }

        if (call.Caller is not { } caller)
        {
            return ApiResults.Unauthenticated();
        }

        switch (route.Access)
        {
            case ApiAccess.SiteData:
                var site = call.RouteValue("site") ?? string.Empty;
                if (policies.FindSite(site) is not { } configured)
                {
                    return ApiResults.NotFound($"Site {site}");
                }

                if (!caller.MaySeeSite(configured.Code))
                {
                    return ApiResults.Forbidden(route.Activity.Replace("{site}", configured.Code, StringComparison.Ordinal));
                }

                call.Site = configured.Code;
                return null;

            case ApiAccess.SiteUpload:
                var uploadSite = call.RouteValue("site") ?? string.Empty;
                if (policies.FindSite(uploadSite) is not { } uploadInto)
                {
                    return ApiResults.NotFound($"Site {uploadSite}");
                }

                if (!caller.Roles.Contains(RegistryRoles.Site(uploadInto.Code)))
                {
                    return ApiResults.Forbidden(route.Activity.Replace("{site}", uploadInto.Code, StringComparison.Ordinal));
                }

                call.Site = uploadInto.Code;
                return null;

            case ApiAccess.AggregateScope:
                var scope = Normalise(call.RouteValue("scope") ?? string.Empty);
                if (!Exists(scope))
                {
                    return ApiResults.NotFound($"Scope {scope}");
                }

                if (!caller.MayReadAggregates(scope))
                {
                    return ApiResults.Forbidden(string.Create(CultureInfo.InvariantCulture, $"reading the aggregates of {scope}"));
                }

                call.Scope = scope;
                return null;

            case ApiAccess.Committee:
                return caller.IsCommittee || caller.IsOperator ? null : ApiResults.Forbidden(route.Activity);

            case ApiAccess.Operator:
                return caller.IsOperator ? null : ApiResults.Forbidden(route.Activity);

            default:
                return null;
        }
    }

    // The scopes aggregates are read under: pooled, or a configured site's own.
    private bool Exists(string scope) =>
        scope == AggregateScopes.Pooled || (scope.StartsWith(SitePrefix, StringComparison.Ordinal) && policies.FindSite(scope[SitePrefix.Length..]) is not null);

    // "pooled", "site:S01", or a bare site code ("S01") for a site's scope.
    private string Normalise(string scope) =>
        scope.StartsWith(SitePrefix, StringComparison.OrdinalIgnoreCase) ? SitePrefix + scope[SitePrefix.Length..].ToUpperInvariant()
        : policies.FindSite(scope.ToUpperInvariant()) is { } site ? SitePrefix + site.Code
        : scope.ToLowerInvariant();
}
