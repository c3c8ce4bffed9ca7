using System.Text.Json.Nodes;
using SpineMetsRegistry.Infra.Tests.Bicep;
using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>
/// main.bicepparam takes the site list from infra/registry.json, and of the application's
/// settings only the follow-up sweep schedule the Functions host itself must resolve.
/// </summary>
public sealed class RegistryParametersTests
{
    private static readonly Dictionary<string, string?> ClientIdVariable = new() { ["SPINEMETS_API_CLIENT_ID"] = SnapshotScenario.ApiClientId };

    private static RegistryFile Committed => RegistryFile.Load(Path.Combine(RepositoryLayout.InfraDirectory, "registry.json"));

    [Fact]
    public void BuildParams_MainParameterFile_TakesRegistryNameAndSitesFromRegistryJson()
    {
        var run = BicepCli.Instance.Run(RepositoryLayout.InfraDirectory, ["build-params", "main.bicepparam", "--stdout"], ClientIdVariable);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(string.Empty, run.StandardError.Trim());
        var parameters = JsonNode.Parse(JsonNode.Parse(run.StandardOutput)!["parametersJson"]!.GetValue<string>())!["parameters"]!;
        Assert.Equal(Committed.RegistryName, parameters["registryName"]!["value"]!.GetValue<string>());
        Assert.Equal(
            Committed.Sites.Select(site => site.Code),
            parameters["sites"]!["value"]!.AsArray().Select(site => site!["code"]!.GetValue<string>()));
        Assert.Equal(SnapshotScenario.ApiClientId, parameters["apiAuthentication"]!["value"]!["clientId"]!.GetValue<string>());
        Assert.Null(parameters["settings"]);
        var committedSchedule = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.InfraDirectory, "registry.json")))!["settings"]!["followUpSweepSchedule"]!.GetValue<string>();
        Assert.Equal(committedSchedule, parameters["followUpSweepSchedule"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "container")]
    [InlineData("account", "account")]
    public void BuildParams_LandingModeVariable_SelectsTheMode(string? variable, string expected)
    {
        var environment = new Dictionary<string, string?>(ClientIdVariable) { ["SPINEMETS_LANDING_MODE"] = variable };

        var run = BicepCli.Instance.Run(RepositoryLayout.InfraDirectory, ["build-params", "main.bicepparam", "--stdout"], environment);

        Assert.True(run.Succeeded, run.ToString());
        var parameters = JsonNode.Parse(JsonNode.Parse(run.StandardOutput)!["parametersJson"]!.GetValue<string>())!["parameters"]!;
        Assert.Equal(expected, parameters["landingMode"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void BuildParams_UnknownLandingMode_IsACompileError()
    {
        var environment = new Dictionary<string, string?>(ClientIdVariable) { ["SPINEMETS_LANDING_MODE"] = "bucket" };

        var run = BicepCli.Instance.Run(RepositoryLayout.InfraDirectory, ["build-params", "main.bicepparam", "--stdout"], environment);

        Assert.False(run.Succeeded);
        Assert.Contains(run.Diagnostics, diagnostic => diagnostic.Code == "BCP033" && diagnostic.Message.Contains("'bucket'", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildParams_WithoutApiClientId_FailsWithTheVariableName()
    {
        var run = BicepCli.Instance.Run(RepositoryLayout.InfraDirectory, ["build-params", "main.bicepparam", "--stdout"], new Dictionary<string, string?> { ["SPINEMETS_API_CLIENT_ID"] = null });

        Assert.False(run.Succeeded);
        Assert.Contains("SPINEMETS_API_CLIENT_ID", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_MainParameterFile_GivesEveryListedSiteItsContainerRoleAndAppRole()
    {
        using var workspace = InfraWorkspace.CopyOfRepositoryInfra();

        var outcome = SnapshotRunner.RunParametersFile(workspace.InfraDirectory, Path.Combine(workspace.InfraDirectory, "main.bicepparam"), ClientIdVariable);

        var snapshot = outcome.Snapshot;
        Assert.Empty(SiteIsolationRules.Check(snapshot, Committed.Sites, "container"));
        Assert.Empty(StorageHardeningRules.Check(snapshot));
        Assert.Empty(FunctionAppSettingsRules.Check(snapshot, Committed.Sites, "container"));
        var roles = ((List<object?>)snapshot.Output("appRoles")!).Cast<Dictionary<string, object?>>().Select(role => role["value"]).ToList();
        Assert.All(Committed.Sites, site => Assert.Contains($"Registry.Site.{site.Code}", roles));
    }
}
