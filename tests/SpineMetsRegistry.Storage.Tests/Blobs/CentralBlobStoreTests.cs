using System.Text;
using Azure.Storage.Blobs.Specialized;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class CentralBlobStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UploadAsync_CreateOnlyTwice_FirstBytesKept()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);

        await blobs.UploadAsync(CentralArea.Raw, "S01/ab/abcdef.csv", Text("first"), overwrite: false);
        await blobs.UploadAsync(CentralArea.Raw, "S01/ab/abcdef.csv", Text("second"), overwrite: false);

        Assert.Equal("first", await ReadAsync(blobs, CentralArea.Raw, "S01/ab/abcdef.csv"));
    }

    [Fact]
    public async Task UploadAsync_Overwrite_Replaces()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);

        await blobs.UploadAsync(CentralArea.Staging, "S01/chunk-0001.jsonl", Text("a"), overwrite: true);
        await blobs.UploadAsync(CentralArea.Staging, "S01/chunk-0001.jsonl", Text("b"), overwrite: true);

        Assert.Equal("b", await ReadAsync(blobs, CentralArea.Staging, "S01/chunk-0001.jsonl"));
        var properties = await context.Clients.CentralContainer(CentralArea.Staging).GetBlobClient("S01/chunk-0001.jsonl").GetPropertiesAsync();
        Assert.Equal("application/x-ndjson", properties.Value.ContentType);
    }

    [Fact]
    public async Task CopyAsync_TargetAbsentThenPresent_CopiedOnceAndExistingTargetUntouched()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);
        await blobs.UploadAsync(CentralArea.Intake, "S01/visits-1.csv", Text("v1"), overwrite: true);

        await blobs.CopyAsync(CentralArea.Intake, "S01/visits-1.csv", CentralArea.Raw, "S01/sha.csv");
        await blobs.UploadAsync(CentralArea.Intake, "S01/visits-1.csv", Text("v2"), overwrite: true);
        await blobs.CopyAsync(CentralArea.Intake, "S01/visits-1.csv", CentralArea.Raw, "S01/sha.csv");

        Assert.Equal("v1", await ReadAsync(blobs, CentralArea.Raw, "S01/sha.csv"));
        Assert.Equal(["S01/sha.csv"], await blobs.ListAsync(CentralArea.Raw, "S01/").ToListAsync());
    }

    [Fact]
    public async Task CopyAsync_SourceMissing_BlobNotFound()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);

        await Assert.ThrowsAsync<BlobNotFoundException>(() => blobs.CopyAsync(CentralArea.Intake, "nope.csv", CentralArea.Quarantine, "nope.csv"));
        Assert.False(await blobs.ExistsAsync(CentralArea.Quarantine, "nope.csv"));
    }

    [Fact]
    public async Task OpenReadAsync_Missing_BlobNotFound()
    {
        var context = await StorageTestContext.CreateAsync(azurite);

        await Assert.ThrowsAsync<BlobNotFoundException>(() => new CentralBlobStore(context.Clients).OpenReadAsync(CentralArea.Intake, "missing.csv"));
    }

    [Fact]
    public async Task DeleteIfExistsAsync_ExistingThenAgain_GoneAndNoError()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);
        await blobs.UploadAsync(CentralArea.Intake, "S01/x.csv", Text("x"), overwrite: true);

        await blobs.DeleteIfExistsAsync(CentralArea.Intake, "S01/x.csv");
        await blobs.DeleteIfExistsAsync(CentralArea.Intake, "S01/x.csv");

        Assert.False(await blobs.ExistsAsync(CentralArea.Intake, "S01/x.csv"));
    }

    [Fact]
    public async Task DeleteIfExistsAsync_RawArea_RefusedAndBlobKept()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);
        await blobs.UploadAsync(CentralArea.Raw, "S01/sha.csv", Text("x"), overwrite: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => blobs.DeleteIfExistsAsync(CentralArea.Raw, "S01/sha.csv"));

        Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
        Assert.True(await blobs.ExistsAsync(CentralArea.Raw, "S01/sha.csv"));
    }

    [Fact]
    public async Task ListAsync_Prefix_OnlyMatchingNamesOfThatArea()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);
        await blobs.UploadAsync(CentralArea.Staging, "S01/b1/0001.jsonl", Text("1"), overwrite: true);
        await blobs.UploadAsync(CentralArea.Staging, "S01/b1/0002.jsonl", Text("2"), overwrite: true);
        await blobs.UploadAsync(CentralArea.Staging, "S01/b10/0001.jsonl", Text("3"), overwrite: true);
        await blobs.UploadAsync(CentralArea.Intake, "S01/b1/0003.jsonl", Text("4"), overwrite: true);

        Assert.Equal(["S01/b1/0001.jsonl", "S01/b1/0002.jsonl"], await blobs.ListAsync(CentralArea.Staging, "S01/b1/").ToListAsync());
        Assert.Equal(3, await blobs.ListAsync(CentralArea.Staging, "").CountAsync());
    }

    [Fact]
    public async Task CopyAsync_BatchLargerThanTwoBlocks_SentInBoundedBlocksAndByteIdentical()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);
        var bytes = RandomBytes((2 * BlobTransfer.BlockBytes) + 12_345);
        await blobs.UploadAsync(CentralArea.Intake, "S01/large.csv", new MemoryStream(bytes), overwrite: true);

        await blobs.CopyAsync(CentralArea.Intake, "S01/large.csv", CentralArea.Raw, "S01/large-sha.csv");

        // The copy reads a stream of unknown length: sent in blocks, not buffered whole and
        // sent in one request (which commits no block list).
        var blocks = (await context.Clients.CentralContainer(CentralArea.Raw).GetBlockBlobClient("S01/large-sha.csv").GetBlockListAsync()).Value.CommittedBlocks.ToList();
        Assert.Equal(3, blocks.Count);
        Assert.All(blocks, block => Assert.True(block.SizeLong <= BlobTransfer.BlockBytes));
        Assert.Equal(bytes, await ReadBytesAsync(blobs, CentralArea.Raw, "S01/large-sha.csv"));
    }

    [Fact]
    public async Task UploadAsync_CreateOnlyTwiceFromStreamsOfUnknownLength_FirstBytesKept()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var blobs = new CentralBlobStore(context.Clients);
        var first = RandomBytes(BlobTransfer.BlockBytes + 1);
        var second = RandomBytes(BlobTransfer.BlockBytes + 2);

        await blobs.UploadAsync(CentralArea.Raw, "S01/cd/cdef.csv", new ForwardOnlyStream(first), overwrite: false);
        // Sent in blocks, the second create is refused at its commit: still no error.
        await blobs.UploadAsync(CentralArea.Raw, "S01/cd/cdef.csv", new ForwardOnlyStream(second), overwrite: false);

        Assert.Equal(first, await ReadBytesAsync(blobs, CentralArea.Raw, "S01/cd/cdef.csv"));
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadBytesAsync(ICentralBlobs blobs, CentralArea area, string name)
    {
        await using var stream = await blobs.OpenReadAsync(area, name);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<string> ReadAsync(ICentralBlobs blobs, CentralArea area, string name)
    {
        await using var stream = await blobs.OpenReadAsync(area, name);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
