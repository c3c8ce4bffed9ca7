using System.Text;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Tests.Support;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

public sealed class BlobCreatedEventParserTests
{
    private static readonly string IncomingCsv = GridEvents.SubjectOf("site-s01", "incoming/visits-2026-03.csv");

    [Fact]
    public void Parse_RawJsonEvent_AnnouncesTheBatchWithItsVersionAndSize()
    {
        var message = GridEvents.Json(GridEvents.Event(IncomingCsv, eTag: "0xABC", contentLength: 4096));

        var result = BlobCreatedEventParser.Parse(message);

        Assert.Empty(result.Ignored);
        Assert.Equal(new IncomingBatchNotice("S01", "visits-2026-03.csv", "0xABC", 4096, "PutBlob"), Assert.Single(result.Notices));
    }

    [Fact]
    public void Parse_Base64Message_SameAsRawJson()
    {
        var gridEvent = GridEvents.Event(IncomingCsv);

        var fromBase64 = BlobCreatedEventParser.Parse(GridEvents.Base64(gridEvent));
        var fromJson = BlobCreatedEventParser.Parse(GridEvents.Json(gridEvent));

        Assert.Equal(Assert.Single(fromJson.Notices), Assert.Single(fromBase64.Notices));
    }

    [Fact]
    public void Parse_Base64WithSurroundingWhitespace_IsDecoded()
    {
        var message = "\n  " + GridEvents.Base64(GridEvents.Event(IncomingCsv)) + "  \r\n";

        Assert.Single(BlobCreatedEventParser.Parse(message).Notices);
    }

    [Theory]
    [InlineData("PutBlob")]
    [InlineData("PutBlockList")]
    [InlineData("CopyBlob")]
    [InlineData("FlushWithClose")]
    public void Parse_CommittingApi_IsAccepted(string api)
    {
        var result = BlobCreatedEventParser.Parse(GridEvents.Json(GridEvents.Event(IncomingCsv, api: api)));

        Assert.Equal(api, Assert.Single(result.Notices).Api);
    }

    [Theory]
    [InlineData("PutBlock")]
    [InlineData("CreateFile")]
    [InlineData("AppendBlock")]
    [InlineData("SetBlobMetadata")]
    public void Parse_ApiThatDoesNotCommitABlob_IsIgnoredWithTheOperationNamed(string api)
    {
        var result = BlobCreatedEventParser.Parse(GridEvents.Json(GridEvents.Event(IncomingCsv, api: api)));

        Assert.Empty(result.Notices);
        Assert.Contains($"operation {api} does not commit a blob", Assert.Single(result.Ignored), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.Storage.BlobDeleted")]
    [InlineData("Microsoft.Storage.BlobTierChanged")]
    [InlineData("Microsoft.Storage.DirectoryCreated")]
    public void Parse_OtherEventType_IsIgnoredWithTheTypeNamed(string eventType)
    {
        var result = BlobCreatedEventParser.Parse(GridEvents.Json(GridEvents.Event(IncomingCsv, eventType: eventType)));

        Assert.Empty(result.Notices);
        Assert.Contains(eventType, Assert.Single(result.Ignored), StringComparison.Ordinal);
    }

    // Blobs that are not a batch, each with the reason the log shows.
    public static TheoryData<string, string> NotABatch => new()
    {
        { GridEvents.SubjectOf("raw", "incoming/visits.csv"), "not in a site container" },
        { GridEvents.SubjectOf("app-package", "released-package.zip"), "not in a site container" },
        { GridEvents.SubjectOf("website-s01", "incoming/visits.csv"), "not in a site container" },
        { GridEvents.SubjectOf("site-s01", "reports/visits@0123456789ab/receipt.json"), "not under incoming/" },
        { GridEvents.SubjectOf("site-s01", "reminders/2026-03-01.csv"), "not under incoming/" },
        { GridEvents.SubjectOf("site-s01", "visits.csv"), "not under incoming/" },
        { GridEvents.SubjectOf("site-s01", "incoming/archive/visits.csv"), "only files directly under incoming/" },
        { GridEvents.SubjectOf("site-s01", "incoming/"), "only files directly under incoming/" },
        { GridEvents.SubjectOf("site-", "incoming/visits.csv"), "no site code" },
        { "/blobServices/default/containers/site-s01", "no blob path" },
    };

    [Theory]
    [MemberData(nameof(NotABatch))]
    public void Parse_BlobThatIsNotABatch_IsIgnoredWithAReason(string subject, string reason)
    {
        var result = BlobCreatedEventParser.Parse(GridEvents.Json(GridEvents.Event(subject, id: "evt-42")));

        Assert.Empty(result.Notices);
        var ignored = Assert.Single(result.Ignored);
        Assert.Contains(reason, ignored, StringComparison.Ordinal);
        Assert.StartsWith("Event evt-42:", ignored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site-s02", "S02")]
    [InlineData("site-s105", "S105")]
    public void Parse_SiteCode_ComesFromTheContainerInUpperCase(string container, string site)
    {
        var result = BlobCreatedEventParser.Parse(GridEvents.Json(GridEvents.Event(GridEvents.SubjectOf(container, "incoming/b1.jsonl"))));

        Assert.Equal(site, Assert.Single(result.Notices).Site);
    }

    [Fact]
    public void Parse_UrlNamesAnotherBlob_SiteAndFileComeFromTheSubject()
    {
        // The site is where the file was uploaded: the subject, never the data's URL.
        var gridEvent = GridEvents.Event(IncomingCsv, url: "https://elsewhere.blob.core.windows.net/site-s09/incoming/other.csv");

        var notice = Assert.Single(BlobCreatedEventParser.Parse(GridEvents.Json(gridEvent)).Notices);

        Assert.Equal(("S01", "visits-2026-03.csv"), (notice.Site, notice.FileName));
    }

    [Fact]
    public void Parse_ArrayOfEvents_AnnouncesEachBatchAndExplainsEachSkip()
    {
        var events = new[]
        {
            GridEvents.Event(IncomingCsv, id: "a"),
            GridEvents.Event(GridEvents.SubjectOf("site-s01", "incoming/part"), api: "PutBlock", id: "b"),
            GridEvents.Event(GridEvents.SubjectOf("site-s03", "incoming/enrol.jsonl"), api: "PutBlockList", id: "c"),
            GridEvents.Event(GridEvents.SubjectOf("site-s03", "reports/x.json"), id: "d"),
        };

        var result = BlobCreatedEventParser.Parse(GridEvents.Json(events));

        Assert.Equal([("S01", "visits-2026-03.csv"), ("S03", "enrol.jsonl")], result.Notices.Select(n => (n.Site, n.FileName)));
        Assert.Equal(2, result.Ignored.Count);
        Assert.StartsWith("Event b:", result.Ignored[0], StringComparison.Ordinal);
        Assert.StartsWith("Event d:", result.Ignored[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Base64OfAnArray_AnnouncesEveryBatch()
    {
        var events = new[] { GridEvents.Event(IncomingCsv, id: "a"), GridEvents.Event(GridEvents.SubjectOf("site-s02", "incoming/b.csv"), id: "b") };

        Assert.Equal(2, BlobCreatedEventParser.Parse(GridEvents.Base64(events)).Notices.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an event")]
    [InlineData("@@@@")]
    public void Parse_NeitherJsonNorBase64Json_IsIgnored(string message)
    {
        var result = BlobCreatedEventParser.Parse(message);

        Assert.Empty(result.Notices);
        Assert.Contains("neither JSON nor Base64-encoded JSON", Assert.Single(result.Ignored), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Base64OfPlainText_IsIgnored()
    {
        var result = BlobCreatedEventParser.Parse(Convert.ToBase64String(Encoding.UTF8.GetBytes("hello")));

        Assert.Empty(result.Notices);
        Assert.Single(result.Ignored);
    }

    [Fact]
    public void Parse_CloudEventsSchema_IsIgnoredAsNotEventGridSchema()
    {
        var cloudEvent = new Dictionary<string, object>
        {
            ["specversion"] = "1.0",
            ["type"] = GridEvents.BlobCreated,
            ["source"] = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/land",
            ["id"] = "ce1",
            ["subject"] = IncomingCsv,
            ["data"] = new Dictionary<string, object> { ["api"] = "PutBlob" },
        };

        var result = BlobCreatedEventParser.Parse(GridEvents.Json(cloudEvent));

        Assert.Empty(result.Notices);
        Assert.Contains("not an Event Grid schema event", Assert.Single(result.Ignored), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateEventJson_TheLocalWatchersEvent_ParsesBackToTheSameBatch()
    {
        var json = BlobCreatedEventParser.CreateEventJson("devstoreaccount1", "S04", "enrol-01.csv", "\"0x1\"", 77, DateTimeOffset.UnixEpoch, "local-1");

        var notice = Assert.Single(BlobCreatedEventParser.Parse(json).Notices);

        Assert.Equal(new IncomingBatchNotice("S04", "enrol-01.csv", "\"0x1\"", 77, "PutBlob"), notice);
    }
}
