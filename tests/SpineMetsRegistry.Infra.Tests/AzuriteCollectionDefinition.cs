using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Infra.Tests;

/// <summary>The storage isolation tests: the local grants issued as SAS on a real Azurite.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
