using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SpineMetsRegistry.Api.Statistics;

namespace SpineMetsRegistry.FunctionApp.Http;

/// <summary>Binds <see cref="StatisticsApi"/> to HTTP triggers (the local host binds the same handlers).</summary>
public sealed class StatisticsHttpFunctions(StatisticsApi api)
{
    /// <summary>GET /api/statistics/{scope}: every committee table for a filter.</summary>
    [Function("GetStatistics")]
    public async Task<HttpResponseData> GetStatistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "statistics/{scope}")] HttpRequestData request,
        string scope,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.GetAsync(ApiHttp.Caller(request), scope, Query(request), context.CancellationToken), context.CancellationToken);

    /// <summary>GET /api/statistics/{scope}/{table}: one table as JSON, or as CSV when the name ends in ".csv".</summary>
    [Function("GetStatisticsTable")]
    public async Task<HttpResponseData> GetStatisticsTable(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "statistics/{scope}/{table}")] HttpRequestData request,
        string scope,
        string table,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.GetTableAsync(ApiHttp.Caller(request), scope, table, Query(request), context.CancellationToken), context.CancellationToken);

    private static StatisticsQuery Query(HttpRequestData request)
    {
        string? Get(string name) => string.IsNullOrEmpty(request.Query[name]) ? null : request.Query[name];
        return new StatisticsQuery(Get("period"), Get("primary_group"), Get("index_treatment"), Get("time_point"));
    }
}
