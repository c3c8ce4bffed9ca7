using SpineMetsRegistry.Infra.Tests.Abac;
using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>Three test sites, both landing modes: each site reaches its own container only.</summary>
public sealed class SiteIsolationTests
{
    private static IReadOnlyList<RegistrySite> Sites => SnapshotScenario.ThreeSites.Sites;

    public static TheoryData<string, AccessProbe> SiteProbesInBothModes()
    {
        var data = new TheoryData<string, AccessProbe>();
        foreach (var mode in new[] { "container", "account" })
        {
            foreach (var probe in AccessProbes.ForSite("site-s10", "site-s11"))
            {
                data.Add(mode, probe);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void SiteIsolationRules_ThreeSites_ReportNoViolation(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.Empty(SiteIsolationRules.Check(snapshot, Sites, mode));
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void SiteRoleAssignment_EachSite_IsBlobDataContributorOnItsOwnContainerWithCondition(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        foreach (var site in Sites)
        {
            var assignment = Assert.Single(snapshot.RoleAssignments, a => a.IsFor(site.PrincipalObjectId));
            Assert.EndsWith($"/blobServices/default/containers/{site.ContainerName}", assignment.Scope, StringComparison.Ordinal);
            Assert.Equal(RoleGuids.StorageBlobDataContributor, assignment.RoleDefinitionGuid);
            Assert.Equal(site.PrincipalType, assignment.PrincipalType);
            Assert.Equal("2.0", assignment.ConditionVersion);
            Assert.Contains($"StringEquals '{site.ContainerName}'", assignment.Condition, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void LandingAccounts_PerMode_AreSharedOrOnePerSite(string mode)
    {
        var topology = InfraTopology.Of(SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot);

        Assert.Equal(mode == "container" ? 1 : Sites.Count, topology.LandingAccountIds.Count);
        Assert.Equal(Sites.Select(s => s.ContainerName).Order(), topology.SiteContainers.Select(c => c.LeafName).Order());
        Assert.DoesNotContain(topology.CentralAccountId, topology.LandingAccountIds);
    }

    [Theory]
    [MemberData(nameof(SiteProbesInBothModes))]
    public void SiteCondition_Request_IsDecidedAsDesigned(string mode, AccessProbe probe)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;
        var site = Sites[0];
        var condition = AbacConditionParser.Parse(Assert.Single(snapshot.RoleAssignments, a => a.IsFor(site.PrincipalObjectId)).Condition!);

        Assert.Equal(probe.MustBeAllowed, AccessCheck.IsAllowed(BlobDataRole.Contributor, condition, probe.Request));
    }
}
