using SpineMetsRegistry.Infra.Tests.Snapshots;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// The central account carries the names the application reads: every central container
/// (raw with version-level WORM), the ingest-events queue and the registry tables. The names
/// come from the application's own constants, so a table or container added to the code
/// without the template fails here rather than at the first write in Azure.
/// </summary>
public static class CentralStorageRules
{
    public static readonly IReadOnlyList<string> Containers =
        [.. Enum.GetValues<CentralArea>().Select(CentralContainers.NameOf)];

    /// <summary>The application's tables (Durable Functions creates its own task hub tables).</summary>
    public static readonly IReadOnlyList<string> Tables = RegistryTables.All;

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
