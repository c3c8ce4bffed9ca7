using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SpineMetsRegistry.Api.Endpoints;

namespace SpineMetsRegistry.FunctionApp.Http;

/// <summary>
/// The registry API on the same routes as the local host (<c>/api/...</c>; "api" is the
/// Functions route prefix). Anonymous at the Functions level because App Service
/// Authentication in front of the app authenticates every request; the handlers authorize by
/// registry role.
/// </summary>
public sealed class RegistryHttpFunctions(RegistryApi api)
{
    /// <summary>GET /api/health.</summary>
    [Function("Health")]
    public async Task<HttpResponseData> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.HealthAsync(context.CancellationToken), context.CancellationToken);

    /// <summary>GET /api/me.</summary>
    [Function("Me")]
    public async Task<HttpResponseData> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequestData request,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, api.Me(ApiHttp.Caller(request)), context.CancellationToken);

    /// <summary>GET /api/sites/{site}/batches.</summary>
    [Function("ListBatches")]
    public async Task<HttpResponseData> ListBatches(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sites/{site}/batches")] HttpRequestData request,
        string site,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.ListBatchesAsync(ApiHttp.Caller(request), site, context.CancellationToken), context.CancellationToken);

    /// <summary>GET /api/sites/{site}/batches/{batchKey}.</summary>
    [Function("GetBatch")]
    public async Task<HttpResponseData> GetBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sites/{site}/batches/{batchKey}")] HttpRequestData request,
        string site,
        string batchKey,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.GetBatchAsync(ApiHttp.Caller(request), site, batchKey, context.CancellationToken), context.CancellationToken);

    /// <summary>GET /api/sites/{site}/batches/{batchKey}/reports/{name}.</summary>
    [Function("GetReport")]
    public async Task<HttpResponseData> GetReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sites/{site}/batches/{batchKey}/reports/{name}")] HttpRequestData request,
        string site,
        string batchKey,
        string name,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.GetReportAsync(ApiHttp.Caller(request), site, batchKey, name, context.CancellationToken), context.CancellationToken);

    /// <summary>GET /api/aggregates/{scope}.</summary>
    [Function("GetAggregates")]
    public async Task<HttpResponseData> GetAggregates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "aggregates/{scope}")] HttpRequestData request,
        string scope,
        FunctionContext context) =>
        await ApiHttp.WriteAsync(request, await api.GetAggregatesAsync(ApiHttp.Caller(request), scope, context.CancellationToken), context.CancellationToken);
}
