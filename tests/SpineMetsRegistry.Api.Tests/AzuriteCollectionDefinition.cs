using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Api.Tests;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
