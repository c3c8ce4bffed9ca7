using System.Text.RegularExpressions;
using SpineMetsRegistry.Infra.Tests.Abac;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// Per-site isolation: each site principal holds exactly one role assignment, Storage Blob Data
/// Contributor on its own site-&lt;code&gt; container in a landing account, narrowed by a version 2.0
/// condition that passes every site access probe; nothing at account scope or above, nothing on
/// the central account. Container mode keeps all site containers in one account; account mode
/// gives each site an account of its own.
/// </summary>
public static partial class SiteIsolationRules
{
    public static IReadOnlyList<RuleViolation> Check(DeploymentSnapshot snapshot, IReadOnlyList<RegistrySite> sites, string landingMode)
    {
        var topology = InfraTopology.Of(snapshot);
        var violations = new List<RuleViolation>();
        foreach (var site in sites)
        {
            violations.AddRange(CheckSite(snapshot, topology, site, sites));
        }

        violations.AddRange(CheckLandingLayout(topology, sites, landingMode));
        return violations;
    }

    private static IEnumerable<RuleViolation> CheckSite(DeploymentSnapshot snapshot, InfraTopology topology, RegistrySite site, IReadOnlyList<RegistrySite> sites)
    {
        var assignments = snapshot.RoleAssignments.Where(assignment => assignment.IsFor(site.PrincipalObjectId)).ToList();
        if (assignments.Count != 1)
        {
            yield return new("SiteHasExactlyOneRoleAssignment", site.Code, $"found {assignments.Count}: {string.Join("; ", assignments)}");
        }

        foreach (var assignment in assignments)
        {
            var scope = ContainerScope().Match(assignment.Scope);
            if (!scope.Success)
            {
                yield return new("SiteRoleAboveContainerScope", site.Code, $"scope {assignment.Scope} is not a blob container");
                continue;
            }

            var accountId = InfraTopology.AccountIdOf(assignment.Scope);
            if (scope.Groups["container"].Value != site.ContainerName)
            {
                yield return new("SiteRoleOnForeignContainer", site.Code, $"scope {assignment.Scope} is not {site.ContainerName}");
            }

            if (accountId.Equals(topology.CentralAccountId, StringComparison.OrdinalIgnoreCase))
            {
                yield return new("SiteRoleOnCentralAccount", site.Code, assignment.Scope);
            }

            if (snapshot.FindById(assignment.Scope) is null)
            {
                yield return new("SiteRoleOnUndeployedContainer", site.Code, $"{assignment.Scope} is not created by this deployment");
            }

            if (!assignment.RoleDefinitionGuid.Equals(BlobDataRole.Contributor.DefinitionGuid, StringComparison.OrdinalIgnoreCase))
            {
                yield return new("SiteRoleIsBlobDataContributor", site.Code, $"role {assignment.RoleDefinitionGuid}");
            }

            if (assignment.Condition is null || assignment.ConditionVersion != "2.0")
            {
                yield return new("SiteRoleHasCondition", site.Code, $"condition version {assignment.ConditionVersion ?? "none"}");
                continue;
            }

            var foreign = sites.FirstOrDefault(other => other.Code != site.Code)?.ContainerName ?? "site-zz99";
            var condition = AbacConditionParser.Parse(assignment.Condition);
            foreach (var probe in AccessProbes.Failing(AccessProbes.ForSite(site.ContainerName, foreign), BlobDataRole.Contributor, condition))
            {
                yield return new("SiteConditionProbe", site.Code, $"must {(probe.MustBeAllowed ? "allow" : "deny")} {probe.Request}");
            }
        }
    }

    private static IEnumerable<RuleViolation> CheckLandingLayout(InfraTopology topology, IReadOnlyList<RegistrySite> sites, string landingMode)
    {
        var containersByAccount = topology.SiteContainers.ToLookup(container => InfraTopology.AccountIdOf(container.Id), StringComparer.OrdinalIgnoreCase);
        if (topology.SiteContainers.Count != sites.Count)
        {
            yield return new("OneContainerPerSite", "landing", $"{topology.SiteContainers.Count} site containers for {sites.Count} sites");
        }

        if (topology.CentralAccountId is not null && containersByAccount.Contains(topology.CentralAccountId))
        {
            yield return new("NoSiteContainerInCentral", "central", "a site-* container lives in the central account");
        }

        if (landingMode == "container" && containersByAccount.Count != 1)
        {
            yield return new("ContainerModeSharesOneAccount", "landing", $"site containers spread over {containersByAccount.Count} accounts");
        }

        if (landingMode == "account")
        {
            foreach (var account in containersByAccount.Where(group => group.Count() != 1))
            {
                yield return new("AccountModeOneSitePerAccount", InfraTopology.AccountNameOf(account.Key), $"holds {string.Join(", ", account.Select(c => c.LeafName))}");
            }
        }
    }

    [GeneratedRegex(@"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Storage/storageAccounts/[^/]+/blobServices/default/containers/(?<container>[^/]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContainerScope();
}
