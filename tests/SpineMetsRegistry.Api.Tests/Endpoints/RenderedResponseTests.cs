using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Api.Tests.Endpoints;

public sealed class RenderedResponseTests
{
    [Fact]
    public void From_JsonBody_CamelCaseNamesEnumsAsCamelCaseStrings()
    {
        var response = ApiResponse.Ok(new { BatchKey = "b1@0123456789ab", Status = BatchStatus.Completed, StoredCounts = new StoreCounts(3, 1, 0, 0) });

        var rendered = RenderedResponse.From(response);

        Assert.Equal(200, rendered.StatusCode);
        Assert.Equal("application/json; charset=utf-8", rendered.ContentType);
        Assert.Null(rendered.Content);
        Assert.Equal(
            """{"batchKey":"b1@0123456789ab","status":"completed","storedCounts":{"inserted":3,"updated":1,"unchanged":0,"withdrawn":0}}""",
            Encoding.UTF8.GetString(rendered.Body.Span));
    }

    [Theory]
    [InlineData(400, "bad_request")]
    [InlineData(401, "unauthenticated")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not_found")]
    public void From_Error_KeepsTheStatusCodeAndWritesCodeAndMessage(int status, string code)
    {
        var rendered = RenderedResponse.From(ApiResponse.Error(status, code, "What went wrong."));

        Assert.Equal(status, rendered.StatusCode);
        Assert.Equal($$"""{"code":"{{code}}","message":"What went wrong."}""", Encoding.UTF8.GetString(rendered.Body.Span));
    }

    [Fact]
    public void From_Accepted_Is202()
    {
        Assert.Equal(202, RenderedResponse.From(ApiResponse.Accepted(new { queued = true })).StatusCode);
    }

    [Fact]
    public void From_File_PassesTheStreamAndItsContentTypeThrough()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("row,field,code\n"));

        var rendered = RenderedResponse.From(ApiResponse.File(content, "text/csv; charset=utf-8"));

        Assert.Equal(200, rendered.StatusCode);
        Assert.Same(content, rendered.Content);
        Assert.Equal("text/csv; charset=utf-8", rendered.ContentType);
        Assert.True(rendered.Body.IsEmpty);
    }

    [Fact]
    public void From_StreamWithoutContentType_IsOctetStream()
    {
        using var content = new MemoryStream([1, 2, 3]);

        var rendered = RenderedResponse.From(new ApiResponse { StatusCode = 200, Content = content });

        Assert.Equal("application/octet-stream", rendered.ContentType);
    }

    [Fact]
    public void From_NoBodyAtAll_WritesJsonNull()
    {
        var rendered = RenderedResponse.From(new ApiResponse { StatusCode = 200 });

        Assert.Equal("null", Encoding.UTF8.GetString(rendered.Body.Span));
    }

    [Fact]
    public void Configure_OnTheLocalHostsWebDefaults_WritesExactlyWhatTheFunctionsAppWrites()
    {
        // The local host configures ASP.NET Core's options with ApiJson.Configure; the
        // Functions app renders with ApiJson.Options. Both must produce the same bytes.
        var local = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(local);
        var body = new { Status = BatchStatus.Quarantined, ReceivedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), Day = new DateOnly(2026, 3, 2), Counts = new ValidationCounts(5, 4, 1, 2, 0, 1) };

        Assert.Equal(JsonSerializer.Serialize(body, local), Encoding.UTF8.GetString(RenderedResponse.From(ApiResponse.Ok(body)).Body.Span));
    }

    [Fact]
    public void Options_Shared_CannotBeChangedByAHost()
    {
        Assert.True(ApiJson.Options.IsReadOnly);
    }
}
