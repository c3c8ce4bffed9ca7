using SpineMetsRegistry.Infra.Tests.Abac;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// Least privilege for the registry's own identities. The function app's identity holds exactly:
/// Blob Data Owner on central (no destructive action in raw), Queue and Table Data Contributor on
/// central, conditioned Blob Data Contributor on each landing account (writes only reports/ and
/// reminders/), and Monitoring Metrics Publisher on Application Insights. On the central account,
/// nobody else holds anything except each Event Grid topic, which may only send to the ingest queue
/// and dead-letter into its container.
/// </summary>
public static class AppAccessRules
{
    private const string PrincipalId = "principalId";

    public static IReadOnlyList<RuleViolation> Check(DeploymentSnapshot snapshot)
    {
        var topology = InfraTopology.Of(snapshot);
        if (topology.AppIdentityId is null || topology.CentralAccountId is null)
        {
            return [new("AppIdentityAndCentralExist", "deployment", "expected one user-assigned identity and one central account")];
        }

        var violations = new List<RuleViolation>();
        var appAssignments = snapshot.RoleAssignments.Where(a => a.IsForRuntimePrincipal(topology.AppIdentityId, PrincipalId)).ToList();
        var expected = ExpectedAppRoles(snapshot, topology);
        foreach (var (scope, role) in expected)
        {
            if (!appAssignments.Any(a => Same(a.Scope, scope) && Same(a.RoleDefinitionGuid, role)))
            {
                violations.Add(new("AppRoleMissing", role, $"at {scope}"));
            }
        }

        foreach (var assignment in appAssignments.Where(a => !expected.Any(e => Same(a.Scope, e.Scope) && Same(a.RoleDefinitionGuid, e.Role))))
        {
            violations.Add(new("AppRoleNotExpected", assignment.RoleDefinitionGuid, $"at {assignment.Scope}"));
        }

        foreach (var assignment in appAssignments)
        {
            violations.AddRange(CheckCondition(topology, assignment));
        }

        violations.AddRange(CheckCentralHolders(snapshot, topology));
        return violations;
    }

    private static List<(string Scope, string Role)> ExpectedAppRoles(DeploymentSnapshot snapshot, InfraTopology topology)
    {
        var expected = new List<(string, string)>
        {
            (topology.CentralAccountId!, RoleGuids.StorageBlobDataOwner),
            (topology.CentralAccountId!, RoleGuids.StorageQueueDataContributor),
            (topology.CentralAccountId!, RoleGuids.StorageTableDataContributor),
        };
        expected.AddRange(topology.LandingAccountIds.Select(account => (account, RoleGuids.StorageBlobDataContributor)));
        expected.AddRange(snapshot.OfType(ResourceTypes.ApplicationInsights).Select(component => (component.Id, RoleGuids.MonitoringMetricsPublisher)));
        return expected;
    }

    private static IEnumerable<RuleViolation> CheckCondition(InfraTopology topology, RoleAssignmentView assignment)
    {
        var (role, probes) = assignment switch
        {
            _ when Same(assignment.Scope, topology.CentralAccountId!) && Same(assignment.RoleDefinitionGuid, RoleGuids.StorageBlobDataOwner)
                => (BlobDataRole.Owner, AccessProbes.ForAppOnCentral()),
            _ when topology.LandingAccountIds.Any(account => Same(assignment.Scope, account)) && Same(assignment.RoleDefinitionGuid, RoleGuids.StorageBlobDataContributor)
                => (BlobDataRole.Contributor, AccessProbes.ForAppOnLanding(topology.SiteContainers.First(c => Same(InfraTopology.AccountIdOf(c.Id), assignment.Scope)).LeafName)),
            _ => (null, []),
        };
        if (role is null)
        {
            yield break;
        }

        if (assignment.Condition is null || assignment.ConditionVersion != "2.0")
        {
            yield return new("AppBlobRoleHasCondition", role.Name, $"at {assignment.Scope}");
            yield break;
        }

        foreach (var probe in AccessProbes.Failing(probes, role, AbacConditionParser.Parse(assignment.Condition)))
        {
            yield return new("AppConditionProbe", role.Name, $"must {(probe.MustBeAllowed ? "allow" : "deny")} {probe.Request}");
        }
    }

    private static IEnumerable<RuleViolation> CheckCentralHolders(DeploymentSnapshot snapshot, InfraTopology topology)
    {
        var topicIds = snapshot.OfType(ResourceTypes.SystemTopic).Select(topic => topic.Id).ToList();
        foreach (var assignment in snapshot.RoleAssignments.Where(a => a.Scope.StartsWith(topology.CentralAccountId!, StringComparison.OrdinalIgnoreCase)))
        {
            if (assignment.IsForRuntimePrincipal(topology.AppIdentityId!, PrincipalId))
            {
                continue;
            }

            var topic = topicIds.FirstOrDefault(id => assignment.IsForRuntimePrincipal(id, "identity", PrincipalId));
            var allowedForTopic =
                topic is not null
                && ((Same(assignment.Scope, topology.IngestQueueId!) && Same(assignment.RoleDefinitionGuid, RoleGuids.StorageQueueDataMessageSender))
                    || (assignment.Scope.Contains("/blobServices/default/containers/", StringComparison.OrdinalIgnoreCase)
                        && Same(assignment.RoleDefinitionGuid, RoleGuids.StorageBlobDataContributor)));
            if (!allowedForTopic)
            {
                yield return new("CentralOnlyForTheRegistry", assignment.RoleDefinitionGuid, $"{assignment.PrincipalId} at {assignment.Scope}");
            }
        }
    }

    private static bool Same(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
