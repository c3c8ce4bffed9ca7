using SpineMetsRegistry.Pipeline.Ingest.Orchestration;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>The local engine's registrations, shared by both host modes (and the end-to-end tests' bare host).</summary>
public static class LocalEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (settings from <c>Registry:Engine</c>), the deduplicating ingest
    /// starter over it, batch progress from it, and, with <paramref name="runInBackground"/>,
    /// its worker and the purge of finished instances as hosted services.
    /// </summary>
    public static IServiceCollection AddLocalEngine(this IServiceCollection services, IConfiguration configuration, bool runInBackground = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The engine narrates every queue message at Information; its warnings and errors matter.
        services.AddLogging(logging => logging.AddFilter("DurableTask", LogLevel.Warning));
        services.AddSingleton(configuration.GetSection(EngineSettings.SectionName).Get<EngineSettings>() ?? new EngineSettings());
        services.AddSingleton<LocalEngine>();
        services.AddSingleton(sp => EngineWorkflowStarter.Create(sp.GetRequiredService<LocalEngine>()));
        services.AddSingleton<IIngestProgress, EngineIngestProgress>();
        services.AddSingleton<CompletedInstancePurger>();
        if (runInBackground)
        {
            services.AddHostedService<EngineWorkerService>();
            services.AddHostedService(sp => sp.GetRequiredService<CompletedInstancePurger>());
        }

        return services;
    }
}
