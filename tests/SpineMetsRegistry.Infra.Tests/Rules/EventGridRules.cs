using SpineMetsRegistry.Infra.Tests.EventGrid;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Rules;

/// <summary>
/// Each landing account has one Event Grid system topic with one subscription that delivers exactly
/// the completed uploads under site-*/incoming/ (BlobCreated by PutBlob, PutBlockList, CopyBlob or
/// FlushWithClose) to the central ingest-events queue, in the Event Grid schema, with the topic's own
/// identity; that identity may send messages to that queue and nothing more on it.
/// </summary>
public static class EventGridRules
{
    public static IReadOnlyList<RuleViolation> Check(DeploymentSnapshot snapshot)
    {
        var topology = InfraTopology.Of(snapshot);
        var violations = new List<RuleViolation>();
        var topics = snapshot.OfType(ResourceTypes.SystemTopic);
        if (topology.LandingAccountIds.Count == 0 || topology.CentralAccountId is null)
        {
            return [new("LandingAndCentralExist", "deployment", "no landing or central account")];
        }

        foreach (var account in topology.LandingAccountIds)
        {
            var accountTopics = topics.Where(topic => Same(topic.Value("properties.source") as string, account)).ToList();
            if (accountTopics.Count != 1)
            {
                violations.Add(new("OneTopicPerLandingAccount", InfraTopology.AccountNameOf(account), $"{accountTopics.Count} system topics"));
                continue;
            }

            var siteContainer = topology.SiteContainers.First(container => Same(InfraTopology.AccountIdOf(container.Id), account)).LeafName;
            violations.AddRange(CheckTopic(snapshot, topology, accountTopics[0], siteContainer));
        }

        foreach (var stray in topics.Where(topic => !topology.LandingAccountIds.Any(account => Same(topic.Value("properties.source") as string, account))))
        {
            violations.Add(new("TopicsOnlyOnLanding", stray.Name, $"source {stray.Value("properties.source")}"));
        }

        return violations;
    }

    private static IEnumerable<RuleViolation> CheckTopic(DeploymentSnapshot snapshot, InfraTopology topology, PredictedResource topic, string siteContainer)
    {
        if (topic.Value("properties.topicType") as string != "Microsoft.Storage.StorageAccounts" || topic.Value("identity.type") as string != "SystemAssigned")
        {
            yield return new("StorageTopicWithIdentity", topic.Name, "must be a storage system topic with a system-assigned identity");
        }

        var subscriptions = snapshot.OfType(ResourceTypes.EventSubscription)
            .Where(subscription => subscription.Id.StartsWith($"{topic.Id}/eventSubscriptions/", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (subscriptions.Count != 1)
        {
            yield return new("OneUploadSubscription", topic.Name, $"{subscriptions.Count} subscriptions");
            yield break;
        }

        var subscription = subscriptions[0];
        foreach (var violation in CheckDelivery(topology, subscription))
        {
            yield return violation;
        }

        var filter = EventSubscriptionFilter.Of(subscription);
        foreach (var (storageEvent, mustDeliver) in UploadEventProbes.For(siteContainer).Where(probe => filter.Delivers(probe.Event) != probe.MustDeliver))
        {
            yield return new("UploadEventFilter", topic.Name, $"must {(mustDeliver ? "deliver" : "drop")} {storageEvent}");
        }

        var sender = snapshot.RoleAssignments.Where(a => a.IsForRuntimePrincipal(topic.Id, "identity", "principalId")
            && Same(a.RoleDefinitionGuid, RoleGuids.StorageQueueDataMessageSender)).ToList();
        if (sender.Count != 1 || !Same(sender[0].Scope, topology.IngestQueueId))
        {
            yield return new("TopicSendsToIngestQueueOnly", topic.Name, $"Queue Data Message Sender at {string.Join(", ", sender.Select(s => s.Scope))}");
        }
    }

    private static IEnumerable<RuleViolation> CheckDelivery(InfraTopology topology, PredictedResource subscription)
    {
        const string delivery = "properties.deliveryWithResourceIdentity";
        var expected = new (string Path, string? Value)[]
        {
            ("properties.eventDeliverySchema", "EventGridSchema"),
            ($"{delivery}.identity.type", "SystemAssigned"),
            ($"{delivery}.destination.endpointType", "StorageQueue"),
            ($"{delivery}.destination.properties.resourceId", topology.CentralAccountId),
            ($"{delivery}.destination.properties.queueName", InfraTopology.IngestQueueName),
        };
        foreach (var (path, value) in expected)
        {
            var actual = subscription.Value(path);
            if (!Same(actual as string, value))
            {
                yield return new("DeliveryToIngestQueueWithIdentity", path, $"is {actual ?? "unset"}, expected {value}");
            }
        }

        if (subscription.Node("properties.destination") is not null)
        {
            yield return new("DeliveryToIngestQueueWithIdentity", "properties.destination", "delivery without the topic identity is configured");
        }
    }

    private static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
