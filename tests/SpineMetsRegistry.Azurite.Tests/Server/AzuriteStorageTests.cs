using System.Net;
using System.Net.NetworkInformation;
using Azure.Data.Tables;
using SpineMetsRegistry.Testing.Azurite;
using Xunit.Abstractions;

namespace SpineMetsRegistry.Azurite.Tests.Server;

/// <summary>The three storage services of the shared fixture, through the Azure SDK clients we ship with.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteStorageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public void Fixture_Started_ListensOnLoopbackOnly()
    {
        output.WriteLine(
            $"fixture: install check {azurite.InstallDuration.TotalSeconds:0.00} s (ran npm: {azurite.InstalledAzurite}), "
            + $"start {azurite.Server.StartupDuration.TotalSeconds:0.00} s");
        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();

        foreach (var port in new[] { azurite.Server.BlobPort, azurite.Server.QueuePort, azurite.Server.TablePort })
        {
            var bound = listeners.Where(endpoint => endpoint.Port == port).ToList();
            Assert.NotEmpty(bound);
            Assert.All(bound, endpoint => Assert.Equal(IPAddress.Loopback, endpoint.Address));
        }
    }

    [Fact]
    public async Task Blob_Uploaded_ReadsBackTheSameBytes()
    {
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(StorageNames.Container("roundtrip"));
        await container.CreateAsync();
        var bytes = Enumerable.Range(0, 70_000).Select(index => (byte)(index % 251)).ToArray();

        await container.UploadBlobAsync("incoming/batch-1.csv", BinaryData.FromBytes(bytes));
        var downloaded = await container.GetBlobClient("incoming/batch-1.csv").DownloadContentAsync();

        Assert.Equal(bytes, downloaded.Value.Content.ToArray());
    }

    [Fact]
    public async Task Table_TransactionOfOneHundredEntities_StoresAllOfThem()
    {
        var table = azurite.CreateTableServiceClient().GetTableClient(StorageNames.Table("enrollments"));
        await table.CreateAsync();
        var actions = Enumerable.Range(0, 100)
            .Select(index => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity("site-001", $"patient-{index:D3}") { ["Score"] = index * 2 }))
            .ToList();

        var response = await table.SubmitTransactionAsync(actions);
        var stored = await table.QueryAsync<TableEntity>(entity => entity.PartitionKey == "site-001").ToListAsync();

        Assert.Equal(100, response.Value.Count);
        Assert.Equal(100, stored.Count);
        Assert.All(stored, entity =>
            Assert.Equal(int.Parse(entity.RowKey["patient-".Length..]) * 2, entity.GetInt32("Score")));
    }

    [Fact]
    public async Task Queue_MessageSent_IsReceivedWithItsText()
    {
        var queue = azurite.CreateQueueServiceClient().GetQueueClient(StorageNames.Queue("blob-created"));
        await queue.CreateAsync();

        await queue.SendMessageAsync("""{"site":"site-001","batch":"b-1"}""");
        var received = await queue.ReceiveMessageAsync();

        Assert.NotNull(received.Value);
        Assert.Equal("""{"site":"site-001","batch":"b-1"}""", received.Value.MessageText);
        await queue.DeleteMessageAsync(received.Value.MessageId, received.Value.PopReceipt);
        Assert.Null((await queue.ReceiveMessageAsync()).Value);
    }
}
