using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace SpineMetsRegistry.EndToEnd.Tests.Reliability.Support;

/// <summary>A storage error response that never came from the service: a status, the storage error code header, no body.</summary>
internal sealed class InjectedResponse(int status, string reason, string errorCode, string requestId) : Response
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x-ms-error-code"] = errorCode,
        ["x-ms-request-id"] = requestId,
        ["Content-Length"] = "0",
    };

    public override int Status => status;

    // The transport marks a real response as an error from the client's classifier; a response
    // made up before the transport must say so itself, or the SDK's retry policy never sees
    // an error to retry (and the client reads a 500 as "succeeded").
    public override bool IsError => true;

    public override string ReasonPhrase => reason;

    public override Stream? ContentStream { get; set; } = new MemoryStream();

    public override string ClientRequestId { get; set; } = requestId;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = _headers.TryGetValue(name, out var value) ? [value] : null;
        return values is not null;
    }
}
