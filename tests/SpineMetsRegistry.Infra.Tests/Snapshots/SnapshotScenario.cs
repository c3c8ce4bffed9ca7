using System.Text;
using SpineMetsRegistry.Infra.Tests.Bicep;

namespace SpineMetsRegistry.Infra.Tests.Snapshots;

/// <summary>
/// Parameters for one evaluation of infra/main.bicep: a registry file (loaded through
/// loadJsonContent, exactly as main.bicepparam does), a landing mode and optional extra
/// parameter lines. Rendered as a .bicepparam file beside a copy of the registry file.
/// </summary>
public sealed record SnapshotScenario(string Name, RegistryFile Registry, string LandingMode, IReadOnlyList<string> ExtraParameters)
{
    public const string ApiClientId = "5c0e7e57-0000-4000-8000-00000000a11d";

    public static RegistryFile ThreeSites { get; } = RegistryFile.Load(Path.Combine(RepositoryLayout.TestDataDirectory, "three-sites.registry.json"));

    public static SnapshotScenario ThreeSitesIn(string landingMode, params string[] extraParameters) =>
        new($"three-sites-{landingMode}", ThreeSites, landingMode, extraParameters);

    public string RenderParameters(string mainBicepRelativePath, string registryFileName)
    {
        var text = new StringBuilder();
        text.AppendLine($"using '{mainBicepRelativePath.Replace('\\', '/')}'");
        text.AppendLine($"param registryName = loadJsonContent('{registryFileName}', '$.registryName')");
        text.AppendLine($"param sites = loadJsonContent('{registryFileName}', '$.sites')");
        text.AppendLine($"param landingMode = '{LandingMode}'");
        text.AppendLine($"param apiAuthentication = {{ clientId: '{ApiClientId}' }}");
        foreach (var line in ExtraParameters)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
