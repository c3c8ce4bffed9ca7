using SpineMetsRegistry.Infra.Tests.Abac;
using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>The registry's own identities hold only what they need.</summary>
public sealed class AppAccessTests
{
    public static TheoryData<string, AccessProbe> LandingProbes() => ProbesInBothModes(AccessProbes.ForAppOnLanding("site-s10"));

    public static TheoryData<string, AccessProbe> CentralProbes() => ProbesInBothModes(AccessProbes.ForAppOnCentral());

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void AppAccessRules_ThreeSites_ReportNoViolation(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.Empty(AppAccessRules.Check(snapshot));
    }

    [Theory]
    [MemberData(nameof(LandingProbes))]
    public void AppLandingCondition_Request_IsDecidedAsDesigned(string mode, AccessProbe probe)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;
        var topology = InfraTopology.Of(snapshot);
        var landing = topology.LandingAccountIds.First(account => topology.SiteContainers.Any(c => c.LeafName == "site-s10" && c.Id.StartsWith(account, StringComparison.Ordinal)));
        var assignment = Assert.Single(snapshot.RoleAssignments, a => a.Scope == landing && a.IsForRuntimePrincipal(topology.AppIdentityId!, "principalId"));

        Assert.Equal(probe.MustBeAllowed, AccessCheck.IsAllowed(BlobDataRole.Contributor, AbacConditionParser.Parse(assignment.Condition!), probe.Request));
    }

    [Theory]
    [MemberData(nameof(CentralProbes))]
    public void AppCentralCondition_Request_IsDecidedAsDesigned(string mode, AccessProbe probe)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;
        var topology = InfraTopology.Of(snapshot);
        var assignment = Assert.Single(snapshot.RoleAssignments, a => a.Scope == topology.CentralAccountId && a.RoleDefinitionGuid == RoleGuids.StorageBlobDataOwner);

        Assert.Equal(probe.MustBeAllowed, AccessCheck.IsAllowed(BlobDataRole.Owner, AbacConditionParser.Parse(assignment.Condition!), probe.Request));
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void RoleAssignments_Everywhere_AreNeverAtResourceGroupScopeOrAbove(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.All(snapshot.RoleAssignments, assignment => Assert.Contains("/providers/", assignment.Scope, StringComparison.Ordinal));
    }

    private static TheoryData<string, AccessProbe> ProbesInBothModes(IReadOnlyList<AccessProbe> probes)
    {
        var data = new TheoryData<string, AccessProbe>();
        foreach (var mode in new[] { "container", "account" })
        {
            foreach (var probe in probes)
            {
                data.Add(mode, probe);
            }
        }

        return data;
    }
}
