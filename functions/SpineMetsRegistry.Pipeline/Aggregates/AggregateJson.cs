using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.Aggregation;

namespace SpineMetsRegistry.Pipeline.Aggregates;

/// <summary>The JSON form of aggregate tables, as stored and as served.</summary>
public static class AggregateJson
{
    /// <summary>Options: camelCase, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serializes a table.</summary>
    public static string Serialize(AggregateTable table) => JsonSerializer.Serialize(table, Options);

    /// <summary>Reads a stored table.</summary>
    public static AggregateTable Deserialize(string json) =>
        JsonSerializer.Deserialize<AggregateTable>(json, Options) ?? throw new InvalidDataException("An empty aggregate document.");
}
