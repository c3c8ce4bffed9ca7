using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Processes;

/// <summary>
/// The tests that run the local host as real processes share one Azurite of their own (every
/// process of every test talks to it), so they run beside the in-process collections: they
/// mostly wait on processes starting and dying.
/// </summary>
public static class ProcessCollection
{
    public const string Name = "Azurite: host processes";
}

[CollectionDefinition(ProcessCollection.Name)]
public sealed class ProcessCollectionDefinition : ICollectionFixture<AzuriteFixture>;
