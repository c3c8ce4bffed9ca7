using SpineMetsRegistry.LocalHost.Hosting;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Cli.Tests.TestSupport;

/// <summary>
/// A real local registry on the collection's Azurite, started the way the command line starts
/// it, isolated by a storage prefix: what the client commands talk to.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private readonly string _state;

    private LocalRegistry(LocalRegistryHost host, string state)
    {
        Host = host;
        _state = state;
    }

    public LocalRegistryHost Host { get; }

    public string Address => Host.BaseAddress.AbsoluteUri.TrimEnd('/');

    public string Key(string site) => Host.Credentials.Sites[site];

    /// <summary>Starts a registry; <paramref name="watch"/> false leaves uploads in incoming/ unprocessed (to see 409s).</summary>
    public static async Task<LocalRegistry> StartAsync(AzuriteFixture azurite, bool watch = true, long? maxUploadBytes = null)
    {
        var state = Directory.CreateTempSubdirectory("spinemets-cli-registry-").FullName;
        var host = await LocalRegistryHost.StartAsync(
            new LocalHostSettings
            {
                Port = 0,
                StorageConnectionString = azurite.ConnectionString,
                StateDirectory = state,
                StoragePrefix = "cli" + Guid.NewGuid().ToString("N")[..8],
                WatchInterval = watch ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromHours(1),
                ScheduleDailySweep = false,
            },
            maxUploadBytes is { } max ? [$"--Registry:Uploads:MaxBytes={max}"] : null);
        return new LocalRegistry(host, state);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}

/// <summary>One registry shared by the client tests of a collection (each test uses its own site files and configuration folder).</summary>
public sealed class LocalRegistryFixture : IAsyncLifetime
{
    public const string Collection = "LocalRegistry";

    public AzuriteFixture Azurite { get; } = new();

    public LocalRegistry Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Registry = await LocalRegistry.StartAsync(Azurite);
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(LocalRegistryFixture.Collection)]
public sealed class LocalRegistryCollection : ICollectionFixture<LocalRegistryFixture>;
