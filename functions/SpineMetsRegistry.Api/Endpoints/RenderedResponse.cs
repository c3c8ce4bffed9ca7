using System.Text.Json;

namespace SpineMetsRegistry.Api.Endpoints;

/// <summary>
/// An <see cref="ApiResponse"/> ready to put on the wire: status code, content type, and
/// either the serialized JSON body or the content stream (which the host copies and disposes).
/// </summary>
/// <param name="StatusCode">HTTP status code.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The UTF-8 JSON body, when there is no stream.</param>
/// <param name="Content">The content stream (report downloads), or null.</param>
public sealed record RenderedResponse(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body, Stream? Content)
{
    /// <summary>The content type of JSON bodies (what ASP.NET Core's JSON results send).</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The content type of a stream whose response named none.</summary>
    public const string DefaultStreamContentType = "application/octet-stream";

    /// <summary>Renders a response: a stream as it is, anything else as JSON with <see cref="ApiJson.Options"/>.</summary>
    public static RenderedResponse From(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content is { } content)
        {
            return new(response.StatusCode, response.ContentType ?? DefaultStreamContentType, ReadOnlyMemory<byte>.Empty, content);
        }

        return new(response.StatusCode, JsonContentType, JsonSerializer.SerializeToUtf8Bytes(response.Json, ApiJson.Options), null);
    }
}
