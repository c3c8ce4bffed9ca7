using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests;

/// <summary>The ingest scenarios: one Azurite, tests one after another, each in its own storage namespace.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;

/// <summary>
/// The kill-and-restart runs and the demo get Azurites of their own, so they run in
/// parallel with the ingest scenarios instead of after them.
/// </summary>
public static class EndToEndCollections
{
    public const string Recovery = "Azurite: kill and restart";

    public const string Demo = "Azurite: demo";

    /// <summary>The hostile-input and privacy run (one registry for all its tests).</summary>
    public const string Hostile = "Azurite: hostile input and privacy";
}

[CollectionDefinition(EndToEndCollections.Recovery)]
public sealed class RecoveryCollectionDefinition : ICollectionFixture<AzuriteFixture>;

[CollectionDefinition(EndToEndCollections.Demo)]
public sealed class DemoCollectionDefinition : ICollectionFixture<AzuriteFixture>;

[CollectionDefinition(EndToEndCollections.Hostile)]
public sealed class HostileCollectionDefinition : ICollectionFixture<AzuriteFixture>;
