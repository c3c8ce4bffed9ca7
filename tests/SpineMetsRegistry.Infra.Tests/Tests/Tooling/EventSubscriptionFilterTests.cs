using SpineMetsRegistry.Infra.Tests.EventGrid;

namespace SpineMetsRegistry.Infra.Tests.Tests.Tooling;

/// <summary>The Event Grid filter model follows Event Grid's matching rules.</summary>
public sealed class EventSubscriptionFilterTests
{
    private static readonly EventSubscriptionFilter UploadsUnderIncoming = new(
        [StorageEvent.BlobCreated],
        "/blobServices/default/containers/site-",
        null,
        [new AdvancedFilter("StringIn", "data.api", ["PutBlob"]), new AdvancedFilter("StringContains", "subject", ["/blobs/incoming/"])]);

    [Fact]
    public void Delivers_AllConditionsMet_IsTrueAndCaseInsensitive()
    {
        Assert.True(UploadsUnderIncoming.Delivers(StorageEvent.Created("site-s01", "incoming/a.csv", "putblob")));
        Assert.True(UploadsUnderIncoming.Delivers(new StorageEvent(StorageEvent.BlobCreated, "/BLOBSERVICES/default/containers/SITE-S01/blobs/incoming/a.csv", "PutBlob")));
    }

    [Theory]
    [InlineData("site-s01", "incoming/a.csv", "PutBlock")]
    [InlineData("site-s01", "reports/a.csv", "PutBlob")]
    [InlineData("raw", "incoming/a.csv", "PutBlob")]
    public void Delivers_AnyConditionUnmet_IsFalse(string container, string path, string api) =>
        Assert.False(UploadsUnderIncoming.Delivers(StorageEvent.Created(container, path, api)));

    [Fact]
    public void Delivers_UnmodelledOperator_Throws()
    {
        var filter = UploadsUnderIncoming with { AdvancedFilters = [new AdvancedFilter("NumberIn", "data.contentLength", ["1"])] };

        Assert.Throws<NotSupportedException>(() => filter.Delivers(StorageEvent.Created("site-s01", "incoming/a.csv", "PutBlob")));
    }
}
