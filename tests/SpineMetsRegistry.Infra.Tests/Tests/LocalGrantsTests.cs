using SpineMetsRegistry.Infra.Tests.Isolation;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>
/// The local grants table (the SAS the Azurite isolation tests issue) is the Bicep's role
/// assignments, both ways: every assignment has its row, every row stands for an assignment.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class LocalGrantsTests
{
    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void LocalGrants_BicepRoleAssignments_MatchBothWays(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;
        var bicep = BicepGrants.Of(snapshot, SnapshotScenario.ThreeSites.Sites);

        Assert.Empty(bicep.Where(g => g.Principal is null || g.Scope is null).Select(g => g.Assignment));
        var inBicep = bicep.Select(g => (g.Principal!.Value, g.RoleGuid, g.Scope!.Value)).ToHashSet();
        var inTable = LocalGrants.All.Select(g => (g.Principal, g.RoleGuid, g.Scope)).ToHashSet();
        Assert.Empty(inBicep.Except(inTable));
        Assert.Empty(inTable.Except(inBicep));
        Assert.Equal(LocalGrants.All.Count, inTable.Count);
    }

    [Fact]
    public void LocalGrants_SitePrincipal_HasNoReadOrListOnItsContainerAndNothingOutsideIt()
    {
        var site = LocalGrants.All.Where(g => g.Principal == GrantPrincipal.Site).ToList();

        var grant = Assert.Single(site);
        Assert.Equal(GrantScope.SiteContainer, grant.Scope);
        var container = Assert.Single(grant.Sas, s => s.Kind == SasKind.Container);
        Assert.DoesNotContain('r', container.Permissions);
        Assert.DoesNotContain('l', container.Permissions);
        Assert.Equal("r", Assert.Single(grant.Sas, s => s.Kind == SasKind.BlobUnderReadablePrefixes).Permissions);
    }
}
