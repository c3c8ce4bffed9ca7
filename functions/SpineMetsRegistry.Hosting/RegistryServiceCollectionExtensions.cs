using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpineMetsRegistry.Api;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Notifications.DependencyInjection;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ingest.Orchestration;
using SpineMetsRegistry.Pipeline.Workflows;
using SpineMetsRegistry.Storage.DependencyInjection;

namespace SpineMetsRegistry.Hosting;

/// <summary>
/// The one service registration shared by the local host and the Functions app: the
/// registry configuration, the storage adapters, the pipeline's activities and starter, and
/// the HTTP API. Each host adds only what is its own (its workflow starter, triggers, routes).
/// </summary>
public static class RegistryServiceCollectionExtensions
{
    /// <summary>Registers the registry's services.</summary>
    public static IServiceCollection AddSpineMetsRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => RegistryConfigurationSource.Load(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<RegistryPolicies>().Configuration);
        services.AddRegistryStorage(configuration);

        services.TryAddSingleton(WorkflowRetryPolicy.Default);
        services.AddSingleton<ReceiveActivity>();
        services.AddSingleton<ValidateActivity>();
        services.AddSingleton<StoreChunkActivity>();
        services.AddSingleton<RecordStoredActivity>();
        services.AddSingleton<AggregateActivity>();
        services.AddSingleton<PlanScheduleActivity>();
        services.AddSingleton<ScheduleGroupActivity>();
        services.AddSingleton<RecordScheduledActivity>();
        services.AddSingleton<CompleteActivity>();
        services.AddSingleton<RecordFailureActivity>();
        services.AddSingleton<IngestActivities>();
        services.AddSingleton<IngestStarter>();
        // A host with an engine client replaces this to show a running batch's progress.
        services.TryAddSingleton<IIngestProgress, NoIngestProgress>();

        // The follow-up sweep: the local host's daily job and the Functions timer call IFollowUpSweep.
        services.AddSingleton<ReminderDigestPublisher>();
        services.AddReminderNotifications(configuration);
        services.AddSingleton<ComplianceDigestWriter>();
        services.AddSingleton<ProtocolReplan>();
        services.AddSingleton<FollowUpSweep>();
        services.AddSingleton<IFollowUpSweep>(sp => sp.GetRequiredService<FollowUpSweep>());

        services.AddRegistryApi();
        // The local host's upload route (RegistryRoutes.UploadBatch): its size limit is host configuration.
        services.AddOptions<Api.Uploads.UploadOptions>().Bind(configuration.GetSection(Api.Uploads.UploadOptions.Section));
        services.AddSingleton<Api.Uploads.UploadApi>();
        return services;
    }
}
