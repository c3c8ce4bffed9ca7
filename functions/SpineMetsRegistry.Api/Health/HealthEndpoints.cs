using Microsoft.AspNetCore.Http;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Api.Health;

/// <summary>Liveness and the caller's own view: <c>GET /api/health</c>, <c>GET /api/me</c>.</summary>
public sealed class HealthEndpoints(IBatchLedger ledger, RegistryPolicies policies, TimeProvider time)
{
    /// <summary>The configuration loaded and the ledger answers.</summary>
    public async Task<IResult> HealthAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var site = policies.Configuration.Sites[0].Code;
        await using var enumerator = ledger.ListAsync(site, call.Aborted).GetAsyncEnumerator(call.Aborted);
        await enumerator.MoveNextAsync();
        return ApiResults.Ok(new { status = "ok", sites = policies.Configuration.Sites.Count, time = time.GetUtcNow() });
    }

    /// <summary>The caller's name, roles and the sites it may see.</summary>
    public Task<IResult> MeAsync(ApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var caller = call.SignedIn;
        return Task.FromResult(ApiResults.Ok(new
        {
            name = caller.Name,
            roles = caller.Roles.Order(StringComparer.Ordinal),
            committee = caller.IsCommittee,
            @operator = caller.IsOperator,
            sites = policies.Configuration.Sites.Where(s => caller.MaySeeSite(s.Code)).Select(s => new { code = s.Code, name = s.DisplayName }),
        }));
    }
}
