using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>The appRoles output is the manifest the operator applies to the API app registration.</summary>
public sealed class AppRoleTests
{
    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void AppRoles_ThreeSites_AreCommitteeOperatorAndOnePerSite(string mode)
    {
        var roles = Roles(mode);

        Assert.Equal(
            ["Registry.Committee", "Registry.Operator", "Registry.Site.S10", "Registry.Site.S11", "Registry.Site.S120"],
            roles.Select(role => (string)role["value"]!).Order());
        Assert.All(roles, role =>
        {
            Assert.True(Guid.TryParse(role["id"] as string, out _), $"{role["value"]} has no GUID id");
            Assert.Equal(true, role["isEnabled"]);
            Assert.Contains("User", (List<object?>)role["allowedMemberTypes"]!);
        });
        Assert.Equal(roles.Count, roles.Select(role => role["id"]).Distinct().Count());
    }

    [Fact]
    public void AppRoleIds_AcrossModes_AreStable()
    {
        // Graph identifies a role by its id: a redeploy (or a mode change) must not mint new ones.
        Assert.Equal(
            Roles("container").Select(role => (role["value"], role["id"])),
            Roles("account").Select(role => (role["value"], role["id"])));
    }

    private static List<Dictionary<string, object?>> Roles(string mode) =>
        ((List<object?>)SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot.Output("appRoles")!)
            .Cast<Dictionary<string, object?>>()
            .ToList();
}
