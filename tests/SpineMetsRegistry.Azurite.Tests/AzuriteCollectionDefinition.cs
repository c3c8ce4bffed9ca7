using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Azurite.Tests;

// The pattern every storage test project copies: xunit only finds collection definitions in
// the test assembly itself.
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
