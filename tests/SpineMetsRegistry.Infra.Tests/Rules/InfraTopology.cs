using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// The roles resources play, recognised from the snapshot itself rather than from names the
/// tests would have to recompute: the central account is the one holding the ingest queue,
/// landing accounts are the ones holding site-* containers.
/// </summary>
public sealed class InfraTopology
{
    public const string IngestQueueName = "ingest-events";

    private InfraTopology(DeploymentSnapshot snapshot)
    {
        StorageAccounts = snapshot.OfType(ResourceTypes.StorageAccount);
        var ingestQueues = snapshot.OfType(ResourceTypes.Queue).Where(queue => queue.LeafName == IngestQueueName).ToList();
        IngestQueueId = ingestQueues.Count == 1 ? ingestQueues[0].Id : null;
        CentralAccountId = IngestQueueId is null ? null : AccountIdOf(IngestQueueId);
        SiteContainers = snapshot.OfType(ResourceTypes.Container)
            .Where(container => container.LeafName.StartsWith("site-", StringComparison.Ordinal))
            .ToList();
        LandingAccountIds = SiteContainers.Select(container => AccountIdOf(container.Id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var identities = snapshot.OfType(ResourceTypes.UserAssignedIdentity);
        AppIdentityId = identities.Count == 1 ? identities[0].Id : null;
    }

    public IReadOnlyList<PredictedResource> StorageAccounts { get; }

    public string? IngestQueueId { get; }

    public string? CentralAccountId { get; }

    public IReadOnlyList<PredictedResource> SiteContainers { get; }

    public IReadOnlyList<string> LandingAccountIds { get; }

    public string? AppIdentityId { get; }

    public static InfraTopology Of(DeploymentSnapshot snapshot) => new(snapshot);

    /// <summary>The storage account ID that a blob/queue/table child resource ID belongs to.</summary>
    public static string AccountIdOf(string childId)
    {
        foreach (var service in new[] { "/blobServices/", "/queueServices/", "/tableServices/" })
        {
            var at = childId.IndexOf(service, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                return childId[..at];
            }
        }

        return childId;
    }

    public static string AccountNameOf(string accountId) => accountId[(accountId.LastIndexOf('/') + 1)..];
}
