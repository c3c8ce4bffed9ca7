using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>Broken copies of infra/ are compiled with the real CLI; the rules must report each defect.</summary>
public sealed class MutationTests
{
    public static TheoryData<InfraMutation> Mutations => new()
    {
        new("site role scoped to the landing account", "container", "modules/siteLanding.bicep",
            "  scope: container\n", "  scope: account\n", "SiteRoleAboveContainerScope"),
        new("site role scoped to its account in account mode", "account", "modules/siteLanding.bicep",
            "  scope: container\n", "  scope: account\n", "SiteRoleAboveContainerScope"),
        new("site role without its condition", "container", "modules/siteLanding.bicep",
            "    condition: siteLandingCondition(containerName)\n    conditionVersion: '2.0'\n",
            "    condition: empty(site.code) ? siteLandingCondition(containerName) : null\n", "SiteRoleHasCondition"),
        new("site may also write reports/", "container", "modules/abac.bicep",
            "var siteWritePrefixes = [\n  'incoming/'\n]", "var siteWritePrefixes = [\n  'incoming/'\n  'reports/'\n]", "SiteConditionProbe"),
        new("site may read its uploads back", "account", "modules/abac.bicep",
            "var siteReadPrefixes = [\n  'reports/'", "var siteReadPrefixes = [\n  'incoming/'\n  'reports/'", "SiteConditionProbe"),
        new("account mode deploys the shared landing account", "account", "main.bicep",
            "var landingAccounts = landingMode == 'container'", "var landingAccounts = landingMode == 'account'", "AccountModeOneSitePerAccount"),
        new("shared keys left on", "container", "modules/storageAccount.bicep",
            "allowSharedKeyAccess: false", "allowSharedKeyAccess: true", "SharedKeyAccessDisabled"),
        new("an account key in the app settings", "container", "main.bicep",
            "  AzureWebJobsStorage__credential: 'managedidentity'\n",
            "  AzureWebJobsStorage__credential: 'managedidentity'\n  Registry__Storage__LandingConnectionString: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=bm90LWEta2V5'\n",
            "NoSecretsInAppSettings"),
        new("FlushWithClose uploads are dropped", "container", "modules/landingEvents.bicep",
            "  'CopyBlob'\n  'FlushWithClose'\n", "  'CopyBlob'\n", "UploadEventFilter"),
        new("events outside incoming/ delivered", "account", "modules/landingEvents.bicep",
            "'/blobs/incoming/'", "'/blobs/'", "UploadEventFilter"),
        new("app may overwrite site uploads", "container", "modules/abac.bicep",
            "var appWritePrefixes = [\n  'reports/'", "var appWritePrefixes = [\n  'incoming/'\n  'reports/'", "AppConditionProbe"),
        new("anonymous API calls allowed", "container", "modules/functionApp.bicep",
            "unauthenticatedClientAction: 'Return401'", "unauthenticatedClientAction: 'AllowAnonymous'", "ApiAuthentication"),
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Rules_BrokenInfraCopy_ReportTheDefect(InfraMutation mutation)
    {
        using var workspace = InfraWorkspace.CopyOfRepositoryInfra();
        workspace.Mutate(mutation.File, mutation.Find, mutation.Replace);
        var scenario = SnapshotScenario.ThreeSitesIn(mutation.LandingMode);

        var snapshot = SnapshotRunner.Run(workspace, scenario).Snapshot;

        var violations = AllRules(snapshot, scenario);
        Assert.Contains(violations, violation => violation.Rule == mutation.ExpectedRule);
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void Rules_UnmodifiedInfra_ReportNothing(string mode)
    {
        // The same rule set the mutations trip over is silent on the real templates.
        var scenario = SnapshotScenario.ThreeSitesIn(mode);

        Assert.Empty(AllRules(SnapshotRunner.ForRepositoryInfra(scenario).Snapshot, scenario));
    }

    private static List<RuleViolation> AllRules(DeploymentSnapshot snapshot, SnapshotScenario scenario) =>
    [
        .. SiteIsolationRules.Check(snapshot, scenario.Registry.Sites, scenario.LandingMode),
        .. AppAccessRules.Check(snapshot),
        .. StorageHardeningRules.Check(snapshot),
        .. CentralStorageRules.Check(snapshot),
        .. FunctionAppSettingsRules.Check(snapshot, scenario.Registry.Sites, scenario.LandingMode),
        .. FunctionAppHostingRules.Check(snapshot, SnapshotScenario.ApiClientId, SnapshotContext.TenantId),
        .. EventGridRules.Check(snapshot),
    ];
}
