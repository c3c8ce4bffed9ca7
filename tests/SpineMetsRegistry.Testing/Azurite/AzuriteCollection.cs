namespace SpineMetsRegistry.Testing.Azurite;

/// <summary>
/// The name of the xunit collection whose tests share one <see cref="AzuriteFixture"/>.
/// <para>
/// xunit only discovers collection definitions in the test assembly itself, so each test
/// project that needs Azurite declares this once (the class name is free):
/// </para>
/// <code>
/// [CollectionDefinition(AzuriteCollection.Name)]
/// public sealed class AzuriteCollectionDefinition : ICollectionFixture&lt;AzuriteFixture&gt;;
/// </code>
/// <para>and marks each storage test class with it, taking the fixture in its constructor:</para>
/// <code>
/// [Collection(AzuriteCollection.Name)]
/// public sealed class LedgerTableTests(AzuriteFixture azurite) { ... }
/// </code>
/// <para>
/// Tests in one collection run one after another. A project that wants storage tests to run in
/// parallel declares a second collection (another name, same fixture type): each collection
/// gets its own Azurite, started in about a second.
/// </para>
/// </summary>
public static class AzuriteCollection
{
    public const string Name = "Azurite";
}
