using System.Reflection;
using System.Text.Json.Nodes;

namespace SpineMetsRegistry.FunctionApp.Tests.Support;

/// <summary>One function of the generated functions.metadata and its trigger binding.</summary>
internal sealed record FunctionBinding(string Name, string TriggerType, JsonObject Trigger)
{
    public string? Text(string property) => Trigger[property]?.GetValue<string>();

    public IReadOnlyList<string> Methods => [.. (Trigger["methods"]?.AsArray() ?? []).Select(m => m!.GetValue<string>().ToUpperInvariant())];
}

/// <summary>
/// The functions.metadata the Worker SDK wrote when the referenced Functions app built: what the
/// Functions host indexes in Azure, so what these tests compare with the application.
/// </summary>
internal static class FunctionsMetadata
{
    public static string Path { get; } = Metadata("FunctionsMetadata");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static IReadOnlyList<FunctionBinding> Functions { get; } = Read(File.ReadAllText(Path));

    public static IReadOnlyList<FunctionBinding> Read(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(f =>
        {
            var trigger = f!["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionBinding(f["name"]!.GetValue<string>(), trigger["type"]!.GetValue<string>(), trigger);
        })];

    public static IReadOnlyList<FunctionBinding> OfType(string triggerType) => [.. Functions.Where(f => f.TriggerType == triggerType)];

    private static string Metadata(string key) =>
        typeof(FunctionsMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; the project file sets it.");
}
