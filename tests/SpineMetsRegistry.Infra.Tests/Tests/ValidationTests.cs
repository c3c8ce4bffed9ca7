using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>Invalid combinations stop the deployment with fail() before anything is created.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Sites_WithARepeatedCode_FailNamingTheCode()
    {
        var registry = SnapshotScenario.ThreeSites.With(root => root["sites"]![1]!["code"] = "S10");

        AssertFails(new SnapshotScenario("duplicate", registry, "container", []), "Site codes must be unique; repeated: S10");
    }

    [Fact]
    public void Sites_WithMalformedCodes_FailNamingEveryOne()
    {
        var registry = SnapshotScenario.ThreeSites.With(root =>
        {
            root["sites"]![0]!["code"] = "X10";
            root["sites"]![1]!["code"] = "s11";
            root["sites"]![2]!["code"] = "S1A";
        });

        AssertFails(new SnapshotScenario("bad-codes", registry, "container", []), "Site codes must match ^S[0-9]{2,3}$; invalid: X10, s11, S1A");
    }

    [Fact]
    public void RegistryName_WithUpperCaseAndDash_Fails()
    {
        var registry = SnapshotScenario.ThreeSites.With(root => root["registryName"] = "Reg-Test");

        AssertFails(new SnapshotScenario("bad-name", registry, "container", []), "registryName 'Reg-Test' must be 3-10 lower-case letters and digits");
    }

    [Fact]
    public void PrivateEndpoints_WithoutASubnet_Fail()
    {
        AssertFails(
            SnapshotScenario.ThreeSitesIn("container", "param networking = { privateEndpointsEnabled: true }"),
            "networking.privateEndpointsEnabled requires networking.privateEndpointSubnetResourceId");
    }

    [Fact]
    public void PrivateEndpoints_WithoutAFunctionAppSubnet_Fail()
    {
        AssertFails(
            SnapshotScenario.ThreeSitesIn("container", $"param networking = {{ privateEndpointsEnabled: true, privateEndpointSubnetResourceId: '{Subnet("endpoints")}' }}"),
            "networking.privateEndpointsEnabled requires networking.functionAppSubnetResourceId");
    }

    [Fact]
    public void LandingIpRanges_WithoutPrivateEndpoints_Fail()
    {
        AssertFails(
            SnapshotScenario.ThreeSitesIn("container", "param networking = { privateEndpointsEnabled: false, landingAllowedIpRanges: ['203.0.113.0/24'] }"),
            "networking.landingAllowedIpRanges needs private endpoints");
    }

    [Fact]
    public void PrivateEndpoints_WithBothSubnets_CloseCentralAndIntegrateTheApp()
    {
        var scenario = SnapshotScenario.ThreeSitesIn(
            "account",
            $"param networking = {{ privateEndpointsEnabled: true, privateEndpointSubnetResourceId: '{Subnet("endpoints")}', functionAppSubnetResourceId: '{Subnet("functions")}', landingAllowedIpRanges: ['203.0.113.0/24'] }}");
        using var workspace = InfraWorkspace.CopyOfRepositoryInfra();

        var snapshot = SnapshotRunner.Run(workspace, scenario).Snapshot;

        var topology = InfraTopology.Of(snapshot);
        var central = snapshot.FindById(topology.CentralAccountId!)!;
        Assert.Equal("Deny", central.Value("properties.networkAcls.defaultAction"));
        Assert.Equal(Subnet("functions"), Assert.Single(snapshot.OfType(ResourceTypes.Site)).Value("properties.virtualNetworkSubnetId"));
        // blob, queue and table for central; blob for each of the three site accounts.
        Assert.Equal(6, snapshot.OfType(ResourceTypes.PrivateEndpoint).Count);
        Assert.All(topology.LandingAccountIds, id => Assert.Equal("Deny", snapshot.FindById(id)!.Value("properties.networkAcls.defaultAction")));
        Assert.Empty(SiteIsolationRules.Check(snapshot, scenario.Registry.Sites, "account"));
        Assert.Empty(StorageHardeningRules.Check(snapshot));
    }

    private static string Subnet(string name) =>
        $"{SnapshotContext.ResourceGroupId}/providers/Microsoft.Network/virtualNetworks/vnet-registry/subnets/{name}";

    private static void AssertFails(SnapshotScenario scenario, string message)
    {
        using var workspace = InfraWorkspace.CopyOfRepositoryInfra();

        var outcome = SnapshotRunner.Run(workspace, scenario);

        Assert.False(outcome.Succeeded, "the deployment was expected to stop");
        Assert.Contains(message, outcome.FailureText, StringComparison.Ordinal);
    }
}
