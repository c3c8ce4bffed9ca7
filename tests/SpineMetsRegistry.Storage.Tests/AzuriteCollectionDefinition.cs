using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests;

// xunit only finds collection definitions in the test assembly itself.
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
