using System.Text;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Storage.Blobs;
using SpineMetsRegistry.Storage.Tests.Support;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class LandingBlobStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WriteAsync_Report_StoredUnderAreaPrefixWithContentType()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var landing = new LandingBlobStore(context.Clients);

        await landing.WriteAsync("S01", LandingArea.Reports, "visits-1.report.json", Text("{}"), "application/json");

        var container = context.Clients.LandingContainer("S01");
        Assert.Equal(context.Options.ContainerPrefix + "site-s01", container.Name);
        var properties = await container.GetBlobClient("reports/visits-1.report.json").GetPropertiesAsync();
        Assert.Equal("application/json", properties.Value.ContentType);
    }

    [Fact]
    public async Task ListAsync_Area_NamesWithoutPrefixOnlyThatAreaAndSite()
    {
        var context = await StorageTestContext.CreateAsync(azurite, "S01", "S02");
        var landing = new LandingBlobStore(context.Clients);
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("a,b"), "text/csv");
        await landing.WriteAsync("S01", LandingArea.Incoming, "enrol-1.jsonl", Text("{}"), "application/x-ndjson");
        await landing.WriteAsync("S01", LandingArea.Reports, "visits-1.report.json", Text("{}"), "application/json");
        await landing.WriteAsync("S02", LandingArea.Incoming, "visits-9.csv", Text("a"), "text/csv");

        var incoming = await landing.ListAsync("S01", LandingArea.Incoming).ToListAsync();

        Assert.Equal(["enrol-1.jsonl", "visits-1.csv"], incoming.Select(b => b.Name));
        Assert.All(incoming, b => Assert.Equal("S01", b.Site));
        Assert.Equal(3, incoming.Single(b => b.Name == "visits-1.csv").SizeBytes);
        Assert.Empty(await landing.ListAsync("S01", LandingArea.Reminders).ToListAsync());
    }

    [Fact]
    public async Task GetAsync_PresentAndAbsent_PropertiesWithTheListedETagOrNull()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var landing = new LandingBlobStore(context.Clients);
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("abcd"), "text/csv");

        var blob = await landing.GetAsync("S01", LandingArea.Incoming, "visits-1.csv");
        var listed = Assert.Single(await landing.ListAsync("S01", LandingArea.Incoming).ToListAsync());

        Assert.Equal(4, blob!.SizeBytes);
        Assert.Equal(listed.ETag, blob.ETag);
        Assert.Null(await landing.GetAsync("S01", LandingArea.Incoming, "other.csv"));
    }

    [Fact]
    public async Task OpenReadAsync_ETagStillCurrent_ReadsBytes()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var landing = new LandingBlobStore(context.Clients);
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("study_id\nS01-0001"), "text/csv");
        var blob = await landing.GetAsync("S01", LandingArea.Incoming, "visits-1.csv");

        await using var stream = await landing.OpenReadAsync("S01", LandingArea.Incoming, "visits-1.csv", blob!.ETag);
        using var reader = new StreamReader(stream);

        Assert.Equal("study_id\nS01-0001", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task OpenReadAsync_BlobOverwrittenSinceETag_BlobChanged()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var landing = new LandingBlobStore(context.Clients);
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("v1"), "text/csv");
        var seen = await landing.GetAsync("S01", LandingArea.Incoming, "visits-1.csv");
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("v2"), "text/csv");

        await Assert.ThrowsAsync<BlobChangedException>(() => landing.OpenReadAsync("S01", LandingArea.Incoming, "visits-1.csv", seen!.ETag));
    }

    [Fact]
    public async Task OpenReadAsync_Missing_BlobNotFound()
    {
        var context = await StorageTestContext.CreateAsync(azurite);

        await Assert.ThrowsAsync<BlobNotFoundException>(() => new LandingBlobStore(context.Clients).OpenReadAsync("S01", LandingArea.Incoming, "none.csv"));
    }

    [Fact]
    public async Task DeleteIfUnchangedAsync_ChangedETag_NotDeleted()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var landing = new LandingBlobStore(context.Clients);
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("v1"), "text/csv");
        var seen = await landing.GetAsync("S01", LandingArea.Incoming, "visits-1.csv");
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("v2 corrected"), "text/csv");

        var deleted = await landing.DeleteIfUnchangedAsync("S01", LandingArea.Incoming, "visits-1.csv", seen!.ETag);

        Assert.False(deleted);
        var kept = await landing.GetAsync("S01", LandingArea.Incoming, "visits-1.csv");
        Assert.Equal(12, kept!.SizeBytes);
    }

    [Fact]
    public async Task DeleteIfUnchangedAsync_SameETagTwice_DeletedThenFalse()
    {
        var context = await StorageTestContext.CreateAsync(azurite);
        var landing = new LandingBlobStore(context.Clients);
        await landing.WriteAsync("S01", LandingArea.Incoming, "visits-1.csv", Text("v1"), "text/csv");
        var seen = Assert.Single(await landing.ListAsync("S01", LandingArea.Incoming).ToListAsync());

        Assert.True(await landing.DeleteIfUnchangedAsync("S01", LandingArea.Incoming, "visits-1.csv", seen.ETag));
        Assert.False(await landing.DeleteIfUnchangedAsync("S01", LandingArea.Incoming, "visits-1.csv", seen.ETag));
        Assert.Null(await landing.GetAsync("S01", LandingArea.Incoming, "visits-1.csv"));
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));
}
