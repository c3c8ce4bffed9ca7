using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.LocalHost.Tests;

/// <summary>
/// One Azurite and one local registry with the demo batches processed, shared by the
/// read-only tests of the collection (starting a registry and ingesting five batches takes
/// several seconds; the tests only read).
/// </summary>
public sealed class DemoRegistryFixture : IAsyncLifetime
{
    public const string Collection = "DemoRegistry";

    private readonly AzuriteFixture _azurite = new();

    public RunningRegistry Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Registry = await RunningRegistry.StartWithDemoAsync(_azurite);
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(DemoRegistryFixture.Collection)]
public sealed class DemoRegistryCollection : ICollectionFixture<DemoRegistryFixture>;
