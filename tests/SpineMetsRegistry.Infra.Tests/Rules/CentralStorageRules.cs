using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// The central account carries the names the application reads: containers raw (version-level
/// WORM), quarantine and staging, the ingest-events queue and the registry tables.
/// </summary>
public static class CentralStorageRules
{
    public static readonly IReadOnlyList<string> Containers = ["raw", "quarantine", "staging"];

    public static readonly IReadOnlyList<string> Tables = ["ledger", "enrollments", "visits", "schedule", "aggregates", "audit", "withdrawals", "reminderlog"];

    public static IReadOnlyList<RuleViolation> Check(DeploymentSnapshot snapshot)
    {
        var central = InfraTopology.Of(snapshot).CentralAccountId;
        if (central is null)
        {
            return [new("IngestQueueExists", "central", $"exactly one '{InfraTopology.IngestQueueName}' queue expected")];
        }

        var violations = new List<RuleViolation>();
        foreach (var container in Containers.Where(name => snapshot.FindById($"{central}/blobServices/default/containers/{name}") is null))
        {
            violations.Add(new("CentralContainer", container, "missing"));
        }

        foreach (var table in Tables.Where(name => snapshot.FindById($"{central}/tableServices/default/tables/{name}") is null))
        {
            violations.Add(new("CentralTable", table, "missing"));
        }

        var raw = snapshot.FindById($"{central}/blobServices/default/containers/raw");
        if (raw is not null && raw.Value("properties.immutableStorageWithVersioning.enabled") is not true)
        {
            violations.Add(new("RawVersionLevelWorm", "raw", "immutableStorageWithVersioning is not enabled"));
        }

        var policy = snapshot.FindById($"{central}/blobServices/default/containers/raw/immutabilityPolicies/default");
        if (policy?.Value("properties.immutabilityPeriodSinceCreationInDays") is not long days || days < 1)
        {
            violations.Add(new("RawVersionLevelWorm", "raw", "no default immutability period"));
        }

        return violations;
    }
}
