using Microsoft.Extensions.DependencyInjection;
using SpineMetsRegistry.Api.Aggregates;
using SpineMetsRegistry.Api.Audit;
using SpineMetsRegistry.Api.Authorization;
using SpineMetsRegistry.Api.Batches;
using SpineMetsRegistry.Api.FollowUp;
using SpineMetsRegistry.Api.Health;
using SpineMetsRegistry.Api.Http;
using SpineMetsRegistry.Api.Operations;

namespace SpineMetsRegistry.Api;

/// <summary>Registers the API: the pipeline, its authorization and audit steps, and every feature's endpoints.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the API. The host adds its own <see cref="Identity.ICallerResolver"/> (local
    /// keys, or App Service Authentication's principal): who the caller is is the host's to say.
    /// </summary>
    public static IServiceCollection AddRegistryApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton<RouteAuthorization>();
        services.AddSingleton<AuditFilter>();
        services.AddSingleton<RefusalAudit>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<BatchEndpoints>();
        services.AddSingleton<AggregateEndpoints>();
        services.AddSingleton<FollowUpEndpoints>();
        services.AddSingleton<OperationsEndpoints>();
        services.AddSingleton<Statistics.StatisticsApi>();
        return services;
    }
}
