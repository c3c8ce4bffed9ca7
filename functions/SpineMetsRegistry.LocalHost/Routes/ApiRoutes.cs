using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Api.Statistics;
using SpineMetsRegistry.LocalHost.Security;

namespace SpineMetsRegistry.LocalHost.Routes;

/// <summary>Binds the host-agnostic <see cref="RegistryApi"/> to ASP.NET Core routes (the Functions app binds the same handlers).</summary>
internal static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", (RegistryApi registry, CancellationToken ct) => Write(registry.HealthAsync(ct)));
        api.MapGet("/me", (HttpContext http, RegistryApi registry) => Write(Task.FromResult(registry.Me(Caller(http)))));
        api.MapGet("/sites/{site}/batches", (HttpContext http, RegistryApi registry, string site, CancellationToken ct) =>
            Write(registry.ListBatchesAsync(Caller(http), site, ct)));
        api.MapGet("/sites/{site}/batches/{batchKey}", (HttpContext http, RegistryApi registry, string site, string batchKey, CancellationToken ct) =>
            Write(registry.GetBatchAsync(Caller(http), site, batchKey, ct)));
        api.MapGet("/sites/{site}/batches/{batchKey}/reports/{name}", (HttpContext http, RegistryApi registry, string site, string batchKey, string name, CancellationToken ct) =>
            Write(registry.GetReportAsync(Caller(http), site, batchKey, name, ct)));
        api.MapGet("/aggregates/{scope}", (HttpContext http, RegistryApi registry, string scope, CancellationToken ct) =>
            Write(registry.GetAggregatesAsync(Caller(http), scope, ct)));
        api.MapGet("/statistics/{scope}", (HttpContext http, StatisticsApi statistics, string scope, CancellationToken ct) =>
            Write(statistics.GetAsync(Caller(http), scope, StatisticsQuery(http), ct)));
        api.MapGet("/statistics/{scope}/{table}", (HttpContext http, StatisticsApi statistics, string scope, string table, CancellationToken ct) =>
            Write(statistics.GetTableAsync(Caller(http), scope, table, StatisticsQuery(http), ct)));
        api.MapGet("/sites/{site}/reminders", (HttpContext http, RegistryApi registry, string site, string? asOf, CancellationToken ct) =>
            Write(registry.GetSiteRemindersAsync(Caller(http), site, asOf, ct)));
        api.MapGet("/committee/digest", (HttpContext http, RegistryApi registry, CancellationToken ct) =>
            Write(registry.GetCommitteeDigestAsync(Caller(http), ct)));
        api.MapPost("/operations/sweep", (HttpContext http, RegistryApi registry, string? asOf, CancellationToken ct) =>
            Write(registry.RunSweepAsync(Caller(http), asOf, ct)));
    }

    private static StatisticsQuery StatisticsQuery(HttpContext http)
    {
        string? Get(string name) => http.Request.Query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;
        return new StatisticsQuery(Get("period"), Get("primary_group"), Get("index_treatment"), Get("time_point"));
    }

    public static RegistryCaller? Caller(HttpContext http) =>
        http.RequestServices.GetRequiredService<LocalCredentials>().Resolve(http.Request.Headers.Authorization.ToString());

    public static async Task<IResult> Write(Task<ApiResponse> pending)
    {
        var response = await pending;
        if (response.Content is { } content)
        {
            return Results.Stream(content, response.ContentType);
        }

        return Results.Json(response.Json, statusCode: response.StatusCode);
    }
}
