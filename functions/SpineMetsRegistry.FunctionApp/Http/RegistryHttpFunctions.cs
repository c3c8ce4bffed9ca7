using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SpineMetsRegistry.FunctionApp.Ingest;
using SpineMetsRegistry.Api.Http;
using Routes = SpineMetsRegistry.Api.Http.RegistryRoutes;

namespace SpineMetsRegistry.FunctionApp.Http;

/// <summary>
/// One HTTP function per row of the shared route table (<c>/api/...</c>; "api" is the
/// Functions route prefix), each binding ASP.NET Core's <see cref="HttpRequest"/> and handing it
/// with its route values to the shared <see cref="ApiPipeline"/>, which the local host runs too:
/// caller from App Service Authentication's principal, authorization from the table, the
/// handler, the audit filter. Anonymous at the Functions level because App Service
/// Authentication in front of the app authenticates every request. The binding tests compare
/// these functions with the table.
/// </summary>
public sealed class RegistryHttpFunctions(ApiPipeline pipeline)
{
    /// <summary>GET /api/health.</summary>
    [Function(Routes.Names.Health)]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.Health)] HttpRequest request) =>
        pipeline.InvokeAsync(Routes.Health, request, Values());

    /// <summary>GET /api/me.</summary>
    [Function(Routes.Names.Me)]
    public Task<IResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.Me)] HttpRequest request) =>
        pipeline.InvokeAsync(Routes.Me, request, Values());

    /// <summary>GET /api/sites/{site}/batches (a running batch's progress read through the bound durable client).</summary>
    [Function(Routes.Names.ListBatches)]
    public async Task<IResult> ListBatches(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.ListBatches)] HttpRequest request,
        string site,
        [DurableClient] DurableTaskClient durable)
    {
        using (InvocationIngestProgress.Use(durable))
        {
            return await pipeline.InvokeAsync(Routes.ListBatches, request, Values(("site", site)));
        }
    }

    /// <summary>GET /api/sites/{site}/batches/{batchKey} (a running batch's progress read through the bound durable client).</summary>
    [Function(Routes.Names.GetBatch)]
    public async Task<IResult> GetBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.GetBatch)] HttpRequest request,
        string site,
        string batchKey,
        [DurableClient] DurableTaskClient durable)
    {
        using (InvocationIngestProgress.Use(durable))
        {
            return await pipeline.InvokeAsync(Routes.GetBatch, request, Values(("site", site), ("batchKey", batchKey)));
        }
    }

    /// <summary>GET /api/sites/{site}/batches/{batchKey}/reports/{name}.</summary>
    [Function(Routes.Names.GetReport)]
    public Task<IResult> GetReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.GetReport)] HttpRequest request, string site, string batchKey, string name) =>
        pipeline.InvokeAsync(Routes.GetReport, request, Values(("site", site), ("batchKey", batchKey), ("name", name)));

    /// <summary>GET /api/aggregates/{scope}.</summary>
    [Function(Routes.Names.GetAggregates)]
    public Task<IResult> GetAggregates([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.GetAggregates)] HttpRequest request, string scope) =>
        pipeline.InvokeAsync(Routes.GetAggregates, request, Values(("scope", scope)));

    /// <summary>GET /api/statistics/{scope}.</summary>
    [Function(Routes.Names.GetStatistics)]
    public Task<IResult> GetStatistics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.GetStatistics)] HttpRequest request, string scope) =>
        pipeline.InvokeAsync(Routes.GetStatistics, request, Values(("scope", scope)));

    /// <summary>GET /api/statistics/{scope}/{table}.</summary>
    [Function(Routes.Names.GetStatisticsTable)]
    public Task<IResult> GetStatisticsTable([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.GetStatisticsTable)] HttpRequest request, string scope, string table) =>
        pipeline.InvokeAsync(Routes.GetStatisticsTable, request, Values(("scope", scope), ("table", table)));

    /// <summary>GET /api/sites/{site}/reminders[?asOf=].</summary>
    [Function(Routes.Names.ListReminders)]
    public Task<IResult> ListReminders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.ListReminders)] HttpRequest request, string site) =>
        pipeline.InvokeAsync(Routes.ListReminders, request, Values(("site", site)));

    /// <summary>GET /api/committee/digest.</summary>
    [Function(Routes.Names.CommitteeDigest)]
    public Task<IResult> CommitteeDigest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Templates.CommitteeDigest)] HttpRequest request) =>
        pipeline.InvokeAsync(Routes.CommitteeDigest, request, Values());

    /// <summary>POST /api/operations/sweep[?asOf=].</summary>
    [Function(Routes.Names.RunSweep)]
    public Task<IResult> RunSweep([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Templates.RunSweep)] HttpRequest request) =>
        pipeline.InvokeAsync(Routes.RunSweep, request, Values());

    private static Dictionary<string, string?> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, string? (v) => v.Value, StringComparer.Ordinal);
}
