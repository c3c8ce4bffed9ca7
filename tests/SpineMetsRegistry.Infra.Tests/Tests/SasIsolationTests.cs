using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using SpineMetsRegistry.Infra.Tests.Isolation;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.Infra.Tests.Tests;

/// <summary>
/// Storage isolation on a real Azurite (issue 16): each principal gets exactly the shared access
/// signatures <see cref="LocalGrants"/> derives from its Bicep role assignment, and real SDK calls
/// prove what they reach. A site uploads into its own container and reads its reports, but cannot
/// read its uploads back, list, touch another site's container, or reach central storage; the
/// Event Grid topic can only send to the ingest queue. Every refusal is Azurite's own 403.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class SasIsolationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Upload = "incoming/batch-0001.csv";
    private const string Report = "reports/batch-0001@0123456789ab/validation.json";
    private const string Reminder = "reminders/2026-12-01.json";

    private static readonly BinaryData Content = BinaryData.FromString("record_type,study_id\nwithdrawal,S01-0001\n");

    private readonly string _prefix = StorageNames.Container("iso")[..12].TrimEnd('-') + "-";
    private AzuriteSas _sas = null!;

    private string SiteS01 => _prefix + "site-s01";

    private string SiteS02 => _prefix + "site-s02";

    private string Raw => _prefix + "raw";

    private string Intake => _prefix + "intake";

    private string DeadLetter => _prefix + "eventgrid-deadletter";

    private string IngestQueue => _prefix + "ingest-events";

    private string PoisonQueue => _prefix + "ingest-events-poison";

    private string Ledger => "iso" + _prefix.Replace("-", string.Empty, StringComparison.Ordinal) + "ledger";

    /// <summary>The deployment: every container, queue and table, each site's report and reminder, the registry's raw copy.</summary>
    public async Task InitializeAsync()
    {
        _sas = new AzuriteSas(azurite.ConnectionString);
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        foreach (var container in new[] { SiteS01, SiteS02, Raw, Intake, DeadLetter })
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync();
        }

        foreach (var site in new[] { SiteS01, SiteS02 })
        {
            await blobs.GetBlobContainerClient(site).UploadBlobAsync(Report, BinaryData.FromString("{\"decision\":\"accepted\"}"));
            await blobs.GetBlobContainerClient(site).UploadBlobAsync(Reminder, BinaryData.FromString("{\"visits\":[]}"));
        }

        await blobs.GetBlobContainerClient(Raw).UploadBlobAsync("S01/3f2a", Content);
        var queues = new QueueServiceClient(azurite.ConnectionString);
        await queues.GetQueueClient(IngestQueue).CreateIfNotExistsAsync();
        await queues.GetQueueClient(PoisonQueue).CreateIfNotExistsAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(Ledger);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("S01", "batch-0001") { ["Status"] = "Completed" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SiteSas_OwnContainer_UploadsAndReadsItsReportsButNeverReadsItsUploadsBack()
    {
        var write = SiteWrite(SiteS01);
        var container = _sas.Container(SiteS01, write);

        await container.UploadBlobAsync(Upload, Content);
        Assert.Equal("{\"decision\":\"accepted\"}", (await _sas.Blob(SiteS01, Report, SiteRead(SiteS01, Report)).DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal("{\"visits\":[]}", (await _sas.Blob(SiteS01, Reminder, SiteRead(SiteS01, Reminder)).DownloadContentAsync()).Value.Content.ToString());

        await Forbidden(() => container.GetBlobClient(Upload).DownloadContentAsync());
        await Forbidden(() => container.GetBlobClient(Upload).GetPropertiesAsync());
        await Forbidden(() => container.GetBlobsAsync(BlobTraits.None, BlobStates.None, "incoming/", CancellationToken.None).AsPages().GetAsyncEnumerator().MoveNextAsync().AsTask());

        // A report's read signature reads that report and nothing else: not the upload, not a forged write.
        var reportRead = SiteRead(SiteS01, Report);
        await Forbidden(() => _sas.Blob(SiteS01, Upload, reportRead).DownloadContentAsync());
        await Forbidden(() => _sas.Blob(SiteS01, Report, reportRead).UploadAsync(BinaryData.FromString("{\"forged\":true}"), overwrite: true));
        Assert.Throws<InvalidOperationException>(() => SiteRead(SiteS01, Upload));
    }

    [Fact]
    public async Task SiteSas_AnotherSitesContainer_ForbiddenToWriteReadAndList()
    {
        var write = SiteWrite(SiteS01);
        var reportRead = SiteRead(SiteS01, Report);

        await Forbidden(() => _sas.Container(SiteS02, write).UploadBlobAsync(Upload, Content));
        await Forbidden(() => _sas.Blob(SiteS02, Report, reportRead).DownloadContentAsync());
        await Forbidden(() => _sas.Blob(SiteS02, Reminder, reportRead).DownloadContentAsync());
        await Forbidden(() => _sas.Container(SiteS02, write).GetBlobsAsync(BlobTraits.None, BlobStates.None, "reports/", CancellationToken.None).AsPages().GetAsyncEnumerator().MoveNextAsync().AsTask());

        // The other site's own signature works there: the refusals above are about scope, not a broken container.
        await _sas.Container(SiteS02, SiteWrite(SiteS02)).UploadBlobAsync(Upload, Content);
    }

    [Fact]
    public async Task SiteSas_CentralStorage_ForbiddenEverywhere()
    {
        var write = SiteWrite(SiteS01);
        var reportRead = SiteRead(SiteS01, Report);

        foreach (var sas in new[] { write, reportRead })
        {
            await Forbidden(() => _sas.Blob(Raw, "S01/3f2a", sas).DownloadContentAsync());
            await Forbidden(() => _sas.Container(Raw, sas).UploadBlobAsync("S01/forged", Content));
            await Forbidden(() => _sas.Container(Intake, sas).UploadBlobAsync("S01/forged", Content));
            await Forbidden(() => _sas.Table(Ledger, sas).GetEntityAsync<TableEntity>("S01", "batch-0001"));
            await Forbidden(() => _sas.Table(Ledger, sas).AddEntityAsync(new TableEntity("S01", "forged")));
            await Forbidden(() => _sas.Queue(IngestQueue, sas).SendMessageAsync("{}"));
            await Forbidden(() => _sas.Queue(IngestQueue, sas).PeekMessagesAsync());
        }
    }

    [Fact]
    public async Task EventGridSas_IngestQueue_SendsOnlyAndReachesNothingElse()
    {
        var grant = LocalGrants.Of(GrantPrincipal.EventGridTopic, GrantScope.IngestQueue);
        var send = _sas.Issue(Assert.Single(grant.Sas), queue: IngestQueue);

        await _sas.Queue(IngestQueue, send).SendMessageAsync("{\"eventType\":\"Microsoft.Storage.BlobCreated\"}");

        await Forbidden(() => _sas.Queue(IngestQueue, send).PeekMessagesAsync());
        await Forbidden(() => _sas.Queue(IngestQueue, send).ReceiveMessagesAsync());
        await Forbidden(() => _sas.Queue(IngestQueue, send).ClearMessagesAsync());
        await Forbidden(() => _sas.Queue(PoisonQueue, send).SendMessageAsync("{}"));
        await Forbidden(() => _sas.Blob(Raw, "S01/3f2a", send).DownloadContentAsync());
        await Forbidden(() => _sas.Container(SiteS01, send).UploadBlobAsync(Upload, Content));

        var deadLetter = _sas.Issue(Assert.Single(LocalGrants.Of(GrantPrincipal.EventGridTopic, GrantScope.DeadLetterContainer).Sas), container: DeadLetter);
        await _sas.Container(DeadLetter, deadLetter).UploadBlobAsync("event-1.json", Content);
        await Forbidden(() => _sas.Container(Raw, deadLetter).UploadBlobAsync("S01/forged", Content));
    }

    [Fact]
    public async Task AppSas_CentralAccount_ReachesItsBlobsQueuesAndTables()
    {
        string Issue(string role) => _sas.Issue(Assert.Single(LocalGrants.All.Single(g => g.Principal == GrantPrincipal.App && g.Scope == GrantScope.CentralAccount && g.RoleGuid == role).Sas));

        var blobs = Issue(Rules.RoleGuids.StorageBlobDataOwner);
        var queues = Issue(Rules.RoleGuids.StorageQueueDataContributor);
        var tables = Issue(Rules.RoleGuids.StorageTableDataContributor);

        Assert.Equal(Content.ToString(), (await _sas.Blob(Raw, "S01/3f2a", blobs).DownloadContentAsync()).Value.Content.ToString());
        await _sas.Queue(IngestQueue, queues).SendMessageAsync("{}");
        Assert.NotEmpty((await _sas.Queue(IngestQueue, queues).PeekMessagesAsync()).Value);
        Assert.Equal("Completed", (await _sas.Table(Ledger, tables).GetEntityAsync<TableEntity>("S01", "batch-0001")).Value.GetString("Status"));

        // Each service's signature is for that service only.
        await Forbidden(() => _sas.Table(Ledger, blobs).GetEntityAsync<TableEntity>("S01", "batch-0001"));
        await Forbidden(() => _sas.Blob(Raw, "S01/3f2a", tables).DownloadContentAsync());
    }

    private string SiteWrite(string container) =>
        _sas.Issue(LocalGrants.Of(GrantPrincipal.Site, GrantScope.SiteContainer).Sas.Single(s => s.Kind == SasKind.Container), container: container);

    private string SiteRead(string container, string blob) =>
        _sas.Issue(LocalGrants.Of(GrantPrincipal.Site, GrantScope.SiteContainer).Sas.Single(s => s.Kind == SasKind.BlobUnderReadablePrefixes), container: container, blob: blob);

    private static async Task Forbidden(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RequestFailedException>(call);
        Assert.Equal(403, refused.Status);
    }
}
