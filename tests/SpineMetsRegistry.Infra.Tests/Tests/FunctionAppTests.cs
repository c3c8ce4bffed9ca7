using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>The Flex Consumption app: identity-based settings without secrets, Entra ID in front.</summary>
public sealed class FunctionAppTests
{
    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void FunctionAppSettingsRules_ThreeSites_ReportNoViolation(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.Empty(FunctionAppSettingsRules.Check(snapshot, SnapshotScenario.ThreeSites.Sites, mode));
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void FunctionAppHostingRules_ThreeSites_ReportNoViolation(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.Empty(FunctionAppHostingRules.Check(snapshot, SnapshotScenario.ApiClientId, SnapshotContext.TenantId));
    }

    [Fact]
    public void Settings_AccountMode_NameEachSiteLandingEndpoint()
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn("account")).Snapshot;
        var settings = FunctionAppSettings.Of(Assert.Single(snapshot.OfType(ResourceTypes.Site)));

        Assert.Equal(
            ["Registry__Storage__SiteLandingBlobServiceUris__S10", "Registry__Storage__SiteLandingBlobServiceUris__S11", "Registry__Storage__SiteLandingBlobServiceUris__S120"],
            settings.Values.Keys.Where(key => key.Contains("SiteLanding", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain("Registry__Storage__LandingBlobServiceUri", settings.Values.Keys);
    }
}
