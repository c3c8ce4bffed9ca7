using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Hosting;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Provisioning;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Api.Tests.Support;

/// <summary>
/// The registry's services composed exactly as both hosts compose them (the shared
/// registration, the shipped registry.json), on real storage (one Azurite, a unique prefix per
/// world), with App Service Authentication's caller resolver and a fake clock.
/// </summary>
internal sealed class ApiWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private ApiWorld(ServiceProvider services)
    {
        _services = services;
        Api = new ApiInvoker(services);
    }

    public ApiInvoker Api { get; }

    public IServiceProvider Services => _services;

    public FakeTimeProvider Clock => _services.GetRequiredService<FakeTimeProvider>();

    public IBatchLedger Ledger => _services.GetRequiredService<IBatchLedger>();

    public ILandingBlobs Landing => _services.GetRequiredService<ILandingBlobs>();

    public IAggregateStore Aggregates => _services.GetRequiredService<IAggregateStore>();

    public IScheduleStore Schedule => _services.GetRequiredService<IScheduleStore>();

    public IAuditLog Audit => _services.GetRequiredService<IAuditLog>();

    public RegistryPolicies Policies => _services.GetRequiredService<RegistryPolicies>();

    public static async Task<ApiWorld> CreateAsync(AzuriteFixture azurite, Action<IServiceCollection>? configure = null)
    {
        var prefix = StorageNames.Table("api");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Registry:Storage:TablePrefix"] = prefix,
            ["Registry:Storage:ContainerPrefix"] = prefix.ToLowerInvariant(),
            [RegistryConfigurationSource.FileKey] = Path.Combine(AppContext.BaseDirectory, "registry.json"),
        }).Build();
        var clock = new FakeTimeProvider(Now);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(clock)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ICallerResolver, ClientPrincipalCallerResolver>();
        configure?.Invoke(services);
        services.AddSpineMetsRegistry(configuration);
        var provider = services.BuildServiceProvider();
        var sites = provider.GetRequiredService<RegistryConfiguration>().Sites.Select(s => s.Code);
        await provider.GetRequiredService<RegistryStorageProvisioner>().EnsureCreatedAsync(sites);
        return new ApiWorld(provider);
    }

    /// <summary>The audit entries written so far (today's, by the fake clock).</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync()
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in Audit.ReadDayAsync(DateOnly.FromDateTime(Now.UtcDateTime)))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
