using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Api.Http;

/// <summary>
/// How both hosts write API bodies: web defaults (camelCase names) with enums as camelCase
/// strings, so the local host and the Functions app answer byte for byte alike.
/// </summary>
public static class ApiJson
{
    /// <summary>The options, ready to use (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Applies the API's choices to options that start from the web defaults (the ASP.NET Core host's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
