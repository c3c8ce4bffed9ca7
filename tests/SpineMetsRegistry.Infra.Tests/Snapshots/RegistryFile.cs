using System.Text.Json.Nodes;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>A registry.json document (registryName, sites, and whatever else the application keeps in it).</summary>
public sealed record RegistryFile(string RegistryName, IReadOnlyList<RegistrySite> Sites, string Json)
{
    public static RegistryFile Load(string path) => Parse(File.ReadAllText(path));

    public static RegistryFile Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var sites = root["sites"]!.AsArray()
            .Select(site => new RegistrySite(
                site!["code"]!.GetValue<string>(),
                site["principalObjectId"]!.GetValue<string>(),
                site["principalType"]!.GetValue<string>()))
            .ToList();
        return new RegistryFile(root["registryName"]!.GetValue<string>(), sites, json);
    }

    /// <summary>A copy whose JSON was changed by <paramref name="edit"/> (for invalid-input tests).</summary>
    public RegistryFile With(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Json)!.AsObject();
        edit(root);
        return Parse(root.ToJsonString());
    }
}

/// <summary>The parts of a site entry the infrastructure uses.</summary>
public sealed record RegistrySite(string Code, string PrincipalObjectId, string PrincipalType)
{
    public string ContainerName => $"site-{Code.ToLowerInvariant()}";
}
