using System.Text.RegularExpressions;
using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Isolation;

/// <summary>The role assignments of a deployment snapshot, each as (principal, role, scope kind).</summary>
public static partial class BicepGrants
{
    /// <summary>Every role assignment classified; one that fits no known principal or scope is named as such.</summary>
    public static IReadOnlyList<(GrantPrincipal? Principal, string RoleGuid, GrantScope? Scope, string Assignment)> Of(DeploymentSnapshot snapshot, IReadOnlyList<RegistrySite> sites)
    {
        var topology = InfraTopology.Of(snapshot);
        var topics = snapshot.OfType(ResourceTypes.SystemTopic).Select(t => t.Id).ToList();
        var insights = snapshot.OfType(ResourceTypes.ApplicationInsights).Select(c => c.Id).ToList();
        return
        [
            .. snapshot.RoleAssignments.Select(a => (
                PrincipalOf(a, sites, topology, topics),
                a.RoleDefinitionGuid,
                ScopeOf(a.Scope, topology, insights),
                a.ToString())),
        ];
    }

    private static GrantPrincipal? PrincipalOf(RoleAssignmentView assignment, IReadOnlyList<RegistrySite> sites, InfraTopology topology, List<string> topics) =>
        sites.Any(s => assignment.IsFor(s.PrincipalObjectId)) ? GrantPrincipal.Site
        : topology.AppIdentityId is { } app && assignment.IsForRuntimePrincipal(app, "principalId") ? GrantPrincipal.App
        : topics.Any(t => assignment.IsForRuntimePrincipal(t, "identity", "principalId")) ? GrantPrincipal.EventGridTopic
        : null;

    private static GrantScope? ScopeOf(string scope, InfraTopology topology, List<string> insights)
    {
        if (Same(scope, topology.CentralAccountId))
        {
            return GrantScope.CentralAccount;
        }

        if (Same(scope, topology.IngestQueueId))
        {
            return GrantScope.IngestQueue;
        }

        if (topology.LandingAccountIds.Any(l => Same(scope, l)))
        {
            return GrantScope.LandingAccount;
        }

        if (insights.Any(i => Same(scope, i)))
        {
            return GrantScope.ApplicationInsights;
        }

        var container = Container().Match(scope);
        if (container.Success)
        {
            var account = InfraTopology.AccountIdOf(scope);
            return container.Groups[1].Value.StartsWith("site-", StringComparison.Ordinal) && topology.LandingAccountIds.Any(l => Same(account, l)) ? GrantScope.SiteContainer
                : Same(account, topology.CentralAccountId) && container.Groups[1].Value.Contains("deadletter", StringComparison.Ordinal) ? GrantScope.DeadLetterContainer
                : null;
        }

        return null;
    }

    private static bool Same(string left, string? right) => right is not null && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"/blobServices/default/containers/([^/]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Container();
}
