using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>Every storage account is hardened and audited; central storage carries the contract names.</summary>
public sealed class StorageTests
{
    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void StorageHardeningRules_EveryAccount_ReportNoViolation(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.Empty(StorageHardeningRules.Check(snapshot));
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void StorageAccounts_PerMode_AreCentralPlusLanding(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        var accounts = snapshot.OfType(ResourceTypes.StorageAccount);
        Assert.Equal(mode == "container" ? 2 : 4, accounts.Count);
        Assert.All(accounts, account => Assert.Equal(false, account.Value("properties.allowSharedKeyAccess")));
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void CentralStorageRules_Contract_ReportNoViolation(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.Empty(CentralStorageRules.Check(snapshot));
    }
}
