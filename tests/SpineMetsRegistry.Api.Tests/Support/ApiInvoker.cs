using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Identity;

namespace SpineMetsRegistry.Api.Tests.Support;

/// <summary>
/// Serves one route of the table through the shared <see cref="ApiPipeline"/> exactly as a host
/// does (an ASP.NET Core request, the caller in App Service Authentication's header, the result
/// executed onto a response), and returns what went on the wire. Also compiled into the
/// FollowUp tests.
/// </summary>
internal sealed class ApiInvoker(IServiceProvider services)
{
    public async Task<ApiAnswer> InvokeAsync(ApiRoute route, RegistryCaller? caller, IReadOnlyDictionary<string, string?>? routeValues = null, string? query = null)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = route.Method;
        http.Request.Path = "/" + RegistryRoutes.Prefix + "/" + route.Template;
        if (query is not null)
        {
            http.Request.QueryString = new QueryString(query);
        }

        if (caller is not null)
        {
            http.Request.Headers[ClientPrincipal.HeaderName] = ClientPrincipal.Create(caller.Name, caller.Roles);
        }

        using var body = new MemoryStream();
        http.Response.Body = body;
        var result = await services.GetRequiredService<ApiPipeline>().InvokeAsync(route, http.Request, routeValues ?? new Dictionary<string, string?>());
        await result.ExecuteAsync(http);
        return new ApiAnswer(http.Response.StatusCode, http.Response.ContentType, body.ToArray());
    }

    public static IReadOnlyDictionary<string, string?> Route(params (string Name, string? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}

/// <summary>A response as it went on the wire.</summary>
internal sealed record ApiAnswer(int StatusCode, string? ContentType, byte[] Body)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
