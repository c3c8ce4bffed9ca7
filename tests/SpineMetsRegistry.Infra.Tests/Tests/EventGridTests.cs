using SpineMetsRegistry.Infra.Tests.Rules;
using SpineMetsRegistry.Infra.Tests.Snapshots;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>Uploads under site-*/incoming/ reach the ingest queue; nothing else does.</summary>
public sealed class EventGridTests
{
    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void EventGridRules_ThreeSites_ReportNoViolation(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        Assert.Empty(EventGridRules.Check(snapshot));
    }

    [Theory]
    [MemberData(nameof(LandingModes.All), MemberType = typeof(LandingModes))]
    public void UploadSubscription_Filter_HasTheFourUploadApisAndTheSitePrefix(string mode)
    {
        var snapshot = SnapshotRunner.ForRepositoryInfra(SnapshotScenario.ThreeSitesIn(mode)).Snapshot;

        var subscriptions = snapshot.OfType(ResourceTypes.EventSubscription);
        Assert.Equal(mode == "container" ? 1 : 3, subscriptions.Count);
        Assert.All(subscriptions, subscription =>
        {
            var filter = EventGrid.EventSubscriptionFilter.Of(subscription);
            Assert.Equal(["Microsoft.Storage.BlobCreated"], filter.IncludedEventTypes!);
            Assert.Equal("/blobServices/default/containers/site-", filter.SubjectBeginsWith);
            var apis = Assert.Single(filter.AdvancedFilters, f => f.Key == "data.api");
            Assert.Equal("StringIn", apis.OperatorType);
            Assert.Equal(["CopyBlob", "FlushWithClose", "PutBlob", "PutBlockList"], apis.Values.Order());
            var subject = Assert.Single(filter.AdvancedFilters, f => f.Key == "subject");
            Assert.Equal("StringContains", subject.OperatorType);
            Assert.All(subject.Values, value => Assert.Contains("/incoming/", value, StringComparison.Ordinal));
        });
    }
}
