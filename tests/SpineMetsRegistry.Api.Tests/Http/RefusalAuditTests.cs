using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Api.Audit;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Api.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;
using static SpineMetsRegistry.Api.Tests.Support.ApiInvoker;

namespace SpineMetsRegistry.Api.Tests.Http;

/// <summary>
/// Refused calls as the Azure host sees them (App Service Authentication's principal header):
/// missing, malformed and other-site credentials get 401 or 403, and each refusal is one audit
/// entry saying who, what and why, without the header or any route value that is not a
/// configured site (issue 16, "Isolation and access").
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class RefusalAuditTests(AzuriteFixture azurite)
{
    private static readonly string NotJson = Convert.ToBase64String(Encoding.UTF8.GetBytes("{not json"));

    // principal header ("" = none), status, audited actor and detail
    public static TheoryData<string, int, string, string> Credentials => new()
    {
        { "", 401, "anonymous", "401 no_credential" },
        { "not base64 at all!", 401, "anonymous", "401 malformed_credential" },
        { NotJson, 401, "anonymous", "401 malformed_credential" },
        { ClientPrincipal.Create("dm-s02", [RegistryRoles.Site("S02")]), 403, "site:S02:dm-s02", "403 roles_not_allowed" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task InvokeAsync_RefusedCredential_RefusedAndAuditedWithoutTheCredential(string header, int status, string actor, string detail)
    {
        await using var world = await ApiWorld.CreateAsync(azurite);

        var answer = await InvokeAsync(world, RegistryRoutes.ListBatches, header, Route(("site", "s01")));

        Assert.Equal(status, answer.StatusCode);
        var entry = Assert.Single(await world.AuditEntriesAsync());
        Assert.Equal((actor, RefusalAudit.Action, "ListBatches site S01", "refused", detail), (entry.Actor, entry.Action, entry.Target, entry.Outcome, entry.Detail));
        if (header.Length > 0)
        {
            Assert.DoesNotContain(header, entry.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvokeAsync_RefusalWithAnIdentifierInTheRoute_AuditsTheRouteButNotTheValue()
    {
        const string Typed = "jane.doe.1962@example-hospital.org";
        await using var world = await ApiWorld.CreateAsync(azurite);

        var answers = new[]
        {
            await InvokeAsync(world, RegistryRoutes.ListBatches, "", Route(("site", Typed))),
            await InvokeAsync(world, RegistryRoutes.GetAggregates, "", Route(("scope", Typed))),
            await InvokeAsync(world, RegistryRoutes.GetBatch, ClientPrincipal.Create("dm-s02", [RegistryRoles.Site("S02")]), Route(("site", "S01"), ("batchKey", Typed))),
        };

        Assert.Equal([401, 401, 403], answers.Select(a => a.StatusCode));
        var entries = await world.AuditEntriesAsync();
        Assert.Equal(["GetAggregates", "GetBatch site S01", "ListBatches"], entries.Select(e => e.Target).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("jane", e.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task InvokeAsync_ServedOrNotFound_NoRefusalEntry()
    {
        await using var world = await ApiWorld.CreateAsync(azurite);
        var site = ClientPrincipal.Create("dm-s01", [RegistryRoles.Site("S01")]);

        Assert.Equal(200, (await InvokeAsync(world, RegistryRoutes.ListBatches, site, Route(("site", "S01")))).StatusCode);
        Assert.Equal(404, (await InvokeAsync(world, RegistryRoutes.ListBatches, site, Route(("site", "S99")))).StatusCode);
        Assert.Equal(200, (await InvokeAsync(world, RegistryRoutes.Health, "", Route())).StatusCode);

        Assert.DoesNotContain(await world.AuditEntriesAsync(), e => e.Action == RefusalAudit.Action);
    }

    // The request exactly as App Service Authentication hands it on: the header as it came, or none.
    private static async Task<ApiAnswer> InvokeAsync(ApiWorld world, ApiRoute route, string principalHeader, IReadOnlyDictionary<string, string?> values)
    {
        var http = new DefaultHttpContext { RequestServices = world.Services };
        http.Request.Method = route.Method;
        http.Request.Path = "/" + RegistryRoutes.Prefix + "/" + route.Template;
        if (principalHeader.Length > 0)
        {
            http.Request.Headers[ClientPrincipal.HeaderName] = principalHeader;
        }

        using var body = new MemoryStream();
        http.Response.Body = body;
        var result = await world.Services.GetRequiredService<ApiPipeline>().InvokeAsync(route, http.Request, values);
        await result.ExecuteAsync(http);
        return new ApiAnswer(http.Response.StatusCode, http.Response.ContentType, body.ToArray());
    }
}
