using System.Globalization;
using System.Text.Json;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// Reads values out of a JSON definition document while collecting every problem with its
/// JSON path, so a faulty definition file is reported completely in one pass rather than
/// failing at the first error. Unknown properties are errors: a misspelt key must never be
/// silently ignored in a scoring definition.
/// </summary>
internal sealed class JsonDefinitionReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly List<LoadError> errors = [];

    public IReadOnlyList<LoadError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public static JsonDocument? Parse(Stream stream, List<LoadError> errors)
    {
        try
        {
            return JsonDocument.Parse(stream, DocumentOptions);
        }
        catch (JsonException exception)
        {
            // The only exception turned into data here: the file is not JSON at all.
            errors.Add(new LoadError("$", $"Not valid JSON: {exception.Message}"));
            return null;
        }
    }

    public void Error(string path, string message) => errors.Add(new LoadError(path, message));

    public bool ExpectObject(JsonElement element, string path, params string[] allowedProperties)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"Expected an object, found {element.ValueKind}.");
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowedProperties.Contains(property.Name, StringComparer.Ordinal))
            {
                Error($"{path}.{property.Name}", $"Unknown property '{property.Name}'; allowed: {string.Join(", ", allowedProperties)}.");
            }
        }

        return true;
    }

    public JsonElement? Property(JsonElement obj, string name, string path, bool required = true)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value))
        {
            return value;
        }

        if (required)
        {
            Error($"{path}.{name}", "Required property is missing.");
        }

        return null;
    }

    public string? String(JsonElement obj, string name, string path, bool required = true)
    {
        if (Property(obj, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Error($"{path}.{name}", "Expected a non-empty string.");
            return null;
        }

        return value.GetString();
    }

    public decimal? Decimal(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value))
        {
            return value;
        }

        Error(path, "Expected a number.");
        return null;
    }

    public int? Integer(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        Error(path, "Expected an integer.");
        return null;
    }

    public int? Integer(JsonElement obj, string name, string path, bool required = true) =>
        Property(obj, name, path, required) is { } value ? Integer(value, $"{path}.{name}") : null;

    public bool? Boolean(JsonElement obj, string name, string path, bool defaultValue)
    {
        if (Property(obj, name, path, required: false) is not { } value)
        {
            return defaultValue;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error($"{path}.{name}", "Expected true or false.");
        return null;
    }

    public IReadOnlyList<JsonElement> Array(JsonElement obj, string name, string path, bool required = true)
    {
        if (Property(obj, name, path, required) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", "Expected an array.");
            return [];
        }

        return value.EnumerateArray().ToList();
    }

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
