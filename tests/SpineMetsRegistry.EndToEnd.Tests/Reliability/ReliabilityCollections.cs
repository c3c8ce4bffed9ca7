using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability;

/// <summary>
/// The reliability scenarios (issue 16, faults and load) share one Azurite of their own, so
/// they run beside the ingest scenarios rather than after them; the storage-restart test
/// starts and restarts an on-disk Azurite of its own.
/// </summary>
public static class ReliabilityCollections
{
    public const string Name = "Azurite: reliability";

    /// <summary>The xunit trait every test of the reliability suite carries (run alone with --filter Category=Reliability).</summary>
    public const string Category = "Reliability";
}

[CollectionDefinition(ReliabilityCollections.Name)]
public sealed class ReliabilityCollectionDefinition : ICollectionFixture<AzuriteFixture>;
