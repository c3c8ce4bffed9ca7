using SpineMetsRegistry.Infra.Tests.Arm;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>The function app's settings: raw JSON text (before evaluation) and evaluated values.</summary>
public sealed record FunctionAppSettings(IReadOnlyDictionary<string, string> RawText, IReadOnlyDictionary<string, object?> Values)
{
    public static FunctionAppSettings Of(PredictedResource site)
    {
        var raw = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in site.Node("properties.siteConfig.appSettings")?.AsArray() ?? [])
        {
            var name = setting!["name"]!.GetValue<string>();
            var text = setting["value"]?.ToJsonString() ?? "null";
            raw[name] = text;
            values[name] = TryEvaluate(setting["value"]);
        }

        return new FunctionAppSettings(raw, values);
    }

    private static object? TryEvaluate(System.Text.Json.Nodes.JsonNode? value)
    {
        try
        {
            return ArmExpressionEvaluator.Evaluate(value);
        }
        catch (ArmExpressionException)
        {
            // Unreadable expressions (list*, for example) are judged on their raw text instead.
            return null;
        }
    }
}
