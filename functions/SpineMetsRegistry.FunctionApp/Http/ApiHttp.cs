using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using SpineMetsRegistry.Api.Endpoints;
using SpineMetsRegistry.Api.Identity;

namespace SpineMetsRegistry.FunctionApp.Http;

/// <summary>
/// The two things every HTTP function does around a host-agnostic handler: read the caller
/// App Service Authentication vouches for, and put the handler's response on the wire.
/// </summary>
internal static class ApiHttp
{
    /// <summary>
    /// The caller from the X-MS-CLIENT-PRINCIPAL header. App Service Authentication sets it on
    /// every request it lets through (and drops any copy a client sends), so it is trusted here;
    /// absent or malformed means unauthenticated.
    /// </summary>
    public static RegistryCaller? Caller(HttpRequestData request) =>
        ClientPrincipal.Parse(request.Headers.TryGetValues(ClientPrincipal.HeaderName, out var values) ? values.FirstOrDefault() : null);

    /// <summary>Writes a handler's response: the status code, the content type, then the JSON body or the stream.</summary>
    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, ApiResponse response, CancellationToken cancellationToken)
    {
        var rendered = RenderedResponse.From(response);
        var http = request.CreateResponse((HttpStatusCode)rendered.StatusCode);
        http.Headers.Add("Content-Type", rendered.ContentType);
        if (rendered.Content is { } content)
        {
            await using (content)
            {
                await content.CopyToAsync(http.Body, cancellationToken);
            }
        }
        else
        {
            await http.Body.WriteAsync(rendered.Body, cancellationToken);
        }

        return http;
    }
}
