using System.Text;
using SpineMetsRegistry.Storage.Ingest;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class QueueIngestEventQueueTests(AzuriteFixture azurite)
{
    private const string Event = """{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/site-s01/blobs/incoming/visits-1.csv"}""";

    [Fact]
    public async Task SendReceiveDelete_OneEvent_RoundTripsAndIsGoneAfterDelete()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var queue = new QueueIngestEventQueue(context.Clients);

        await queue.SendAsync(Event);
        var received = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1)));
        Assert.Equal(Event, received.Text);
        Assert.Equal(1, received.DequeueCount);

        await queue.DeleteAsync(received);
        await queue.DeleteAsync(received);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task SendAsync_Message_StoredBase64AsTheFunctionsTriggerExpects()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        await new QueueIngestEventQueue(context.Clients).SendAsync(Event);

        var raw = await context.Clients.IngestQueue.PeekMessageAsync();

        Assert.Equal(Event, Encoding.UTF8.GetString(Convert.FromBase64String(raw.Value.Body.ToString())));
    }

    [Fact]
    public async Task ReceiveAsync_PlainJsonWrittenByAnotherProducer_ReadAsIs()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        await context.Clients.IngestQueue.SendMessageAsync(Event);

        var received = Assert.Single(await new QueueIngestEventQueue(context.Clients).ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal(Event, received.Text);
    }

    [Fact]
    public async Task ReceiveAsync_NotDeleted_ReappearsWithHigherDequeueCount()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var queue = new QueueIngestEventQueue(context.Clients);
        await queue.SendAsync(Event);

        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task ReceiveAsync_CountOutsideServiceLimits_Throws(int count)
    {
        var context = await StorageTestContext.CreateAsync(azurite);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new QueueIngestEventQueue(context.Clients).ReceiveAsync(count, TimeSpan.FromSeconds(5)));
    }
}
