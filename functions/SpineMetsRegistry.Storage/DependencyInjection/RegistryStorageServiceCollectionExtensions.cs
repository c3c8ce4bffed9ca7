using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Aggregates;
using SpineMetsRegistry.Storage.Audit;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Configuration;
using SpineMetsRegistry.Storage.Connection;
using SpineMetsRegistry.Storage.Ingest;
using SpineMetsRegistry.Storage.Ledger;
using SpineMetsRegistry.Storage.Provisioning;
using SpineMetsRegistry.Storage.Records;
using SpineMetsRegistry.Storage.Schedule;

namespace SpineMetsRegistry.Storage.DependencyInjection;

/// <summary>Registers the storage adapters behind the pipeline's ports.</summary>
public static class RegistryStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RegistryStorageOptions"/> from the <c>Registry:Storage</c> section,
    /// validates them at start-up, and registers every port implementation as a singleton.
    /// </summary>
    public static IServiceCollection AddRegistryStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddRegistryStorage(builder => builder.Bind(configuration.GetSection(RegistryStorageOptions.SectionName)));
    }

    /// <summary>Configures <see cref="RegistryStorageOptions"/> in code and registers every port implementation.</summary>
    public static IServiceCollection AddRegistryStorage(this IServiceCollection services, Action<RegistryStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddRegistryStorage(builder => builder.Configure(configure));
    }

    private static IServiceCollection AddRegistryStorage(this IServiceCollection services, Action<OptionsBuilder<RegistryStorageOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RegistryStorageOptions>();
        configure(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryStorageOptions>, RegistryStorageOptionsValidator>());

        services.TryAddSingleton(provider => new RegistryStorageClients(
            provider.GetRequiredService<IOptions<RegistryStorageOptions>>().Value,
            provider.GetServices<IStorageClientOptionsConfigurator>()));
        services.TryAddSingleton<RegistryStorageProvisioner>();
        services.TryAddSingleton<ICentralBlobs, CentralBlobStore>();
        services.TryAddSingleton<ILandingBlobs, LandingBlobStore>();
        services.TryAddSingleton<IIncomingUploads, IncomingUploadStore>();
        services.TryAddSingleton<IBatchLedger, TableBatchLedger>();
        services.TryAddSingleton<IRecordStore, TableRecordStore>();
        services.TryAddSingleton<IAggregateStore, TableAggregateStore>();
        services.TryAddSingleton<IAuditLog, TableAuditLog>();
        services.TryAddSingleton<IScheduleStore, TableScheduleStore>();
        services.TryAddSingleton<IReminderLog, TableReminderLog>();
        services.TryAddSingleton<IIngestEventQueue, QueueIngestEventQueue>();
        return services;
    }
}
