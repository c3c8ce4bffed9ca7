using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class IncomingUploadStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateAsync_TwiceFromRequestBodiesLargerThanABlock_SecondRefusedAndFirstBytesKept()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var uploads = new IncomingUploadStore(context.Clients);
        var first = Bytes(BlobTransfer.BlockBytes + 10, 1);
        var second = Bytes(BlobTransfer.BlockBytes + 20, 2);

        // A request body cannot seek: both are sent in blocks, and the second create is refused
        // at its commit, which must read as "already there", not fail the upload call.
        var created = await uploads.CreateAsync("S01", "enrollments-1.csv", new ForwardOnlyStream(first), "text/csv");
        var again = await uploads.CreateAsync("S01", "enrollments-1.csv", new ForwardOnlyStream(second), "text/csv");

        Assert.True(created.Created);
        Assert.False(again.Created);
        var landing = new LandingBlobStore(context.Clients);
        await using var stored = await landing.OpenReadAsync("S01", LandingArea.Incoming, "enrollments-1.csv");
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(first, copy.ToArray());
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
