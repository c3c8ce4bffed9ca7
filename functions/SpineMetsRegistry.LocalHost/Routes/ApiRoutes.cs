using SpineMetsRegistry.Api.Http;

namespace SpineMetsRegistry.LocalHost.Routes;

/// <summary>
/// Maps the route table under <c>/api</c>: every row is served by the shared
/// <see cref="ApiPipeline"/> (caller from the local keys, authorization, handler, audit), the
/// same pipeline the Functions app's HTTP functions call; the local host also serves the
/// local-only rows (<see cref="RegistryRoutes.LocalOnly"/>: uploads through the registry).
/// </summary>
internal static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/" + RegistryRoutes.Prefix);
        foreach (var route in RegistryRoutes.All.Concat(RegistryRoutes.LocalOnly))
        {
            // A Func returning the IResult (not a RequestDelegate), so ASP.NET Core executes it.
            Func<HttpContext, Task<IResult>> serve = http =>
                http.RequestServices.GetRequiredService<ApiPipeline>().InvokeAsync(route, http.Request, RouteValues(http, route));
            api.MapMethods("/" + route.Template, [route.Method], serve).WithName(route.Name);
        }
    }

    private static Dictionary<string, string?> RouteValues(HttpContext http, ApiRoute route) =>
        route.Parameters.ToDictionary(p => p, p => http.Request.RouteValues[p]?.ToString(), StringComparer.Ordinal);
}
