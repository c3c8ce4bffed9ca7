using System.Text.Json.Nodes;
using SpineMetsRegistry.Infra.Tests.Arm;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>One resource a snapshot predicts the deployment will create, with its full ID.</summary>
public sealed record PredictedResource(string Id, string Type, string Name, JsonObject Json)
{
    public static PredictedResource From(JsonObject json) => new(
        json["id"]?.GetValue<string>() ?? throw new FormatException("A predicted resource has no id."),
        json["type"]?.GetValue<string>() ?? throw new FormatException("A predicted resource has no type."),
        json["name"]?.GetValue<string>() ?? string.Empty,
        json);

    /// <summary>The raw JSON at a dotted path from the resource root (for example "properties.siteConfig").</summary>
    public JsonNode? Node(string dottedPath)
    {
        JsonNode? current = Json;
        foreach (var segment in dottedPath.Split('.'))
        {
            current = current is JsonObject obj ? obj[segment] : null;
        }

        return current;
    }

    /// <summary>The value at a dotted path, with ARM expressions evaluated.</summary>
    public object? Value(string dottedPath) => ArmExpressionEvaluator.Evaluate(Node(dottedPath));

    /// <summary>The last segment of the resource ID (the child name).</summary>
    public string LeafName => Id[(Id.LastIndexOf('/') + 1)..];

    public override string ToString() => Id;
}
