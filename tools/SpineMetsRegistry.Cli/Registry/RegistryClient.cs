using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Identity;

namespace SpineMetsRegistry.Cli.Registry;

/// <summary>A registry answer: the value, or why there is none.</summary>
internal sealed record RegistryResult<T>(T? Value, RegistryFailure? Failure)
    where T : class
{
    public static implicit operator RegistryResult<T>(RegistryFailure failure) => new(null, failure);
}

/// <summary>
/// The registry's HTTP API for the command line: signs each request in, and turns every
/// expected failure (unreachable, 401, 403, 404, 409, 413) into a <see cref="RegistryFailure"/>
/// that says what to do next.
/// </summary>
internal sealed class RegistryClient(Uri registry, SignIn signIn, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(registry.AbsoluteUri.TrimEnd('/') + "/"), Timeout = timeout ?? TimeSpan.FromSeconds(100) };

    public Uri Registry { get; } = registry;

    public SignIn SignIn { get; } = signIn;

    /// <summary>GETs a JSON document; <paramref name="forbidden"/> describes a 403 ("read the batches").</summary>
    public async Task<RegistryResult<JsonDocument>> GetJsonAsync(string path, string site, string forbidden, string notFound, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), site, forbidden, notFound, cancellationToken);
        if (response.Failure is not null)
        {
            return response.Failure;
        }

        using var http = response.Value!;
        try
        {
            return new RegistryResult<JsonDocument>(JsonDocument.Parse(await http.Content.ReadAsStringAsync(cancellationToken)), null);
        }
        catch (JsonException)
        {
            return RegistryFailure.NotARegistry(Registry);
        }
    }

    /// <summary>GETs a body as text.</summary>
    public async Task<RegistryResult<string>> GetTextAsync(string path, string site, string forbidden, string notFound, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), site, forbidden, notFound, cancellationToken);
        if (response.Failure is not null)
        {
            return response.Failure;
        }

        using var http = response.Value!;
        return new RegistryResult<string>(await http.Content.ReadAsStringAsync(cancellationToken), null);
    }

    /// <summary>Sends a request; a success comes back for the caller to read and dispose.</summary>
    public async Task<RegistryResult<HttpResponseMessage>> SendAsync(Func<HttpRequestMessage> request, string site, string forbidden, string notFound, CancellationToken cancellationToken)
    {
        using var message = request();
        try
        {
            message.Headers.Authorization = AuthenticationHeaderValue.Parse(await SignIn.AuthorizationAsync(cancellationToken));
        }
        catch (AuthenticationFailedException failed)
        {
            return RegistryFailure.SignInFailed(failed.Message.Split('\n')[0].Trim());
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException failed) when (failed.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return RegistryFailure.Unreachable(Registry, "connection refused");
        }
        catch (HttpRequestException failed)
        {
            return RegistryFailure.Unreachable(Registry, failed.HttpRequestError == HttpRequestError.NameResolutionError ? "the host name does not resolve" : failed.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RegistryFailure.TimedOut(Registry, _http.Timeout);
        }

        if (response.IsSuccessStatusCode)
        {
            return new RegistryResult<HttpResponseMessage>(response, null);
        }

        using (response)
        {
            var apiMessage = await ErrorMessageAsync(response, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => RegistryFailure.Unauthenticated(Registry),
                HttpStatusCode.Forbidden => RegistryFailure.Forbidden(site, forbidden),
                HttpStatusCode.NotFound => RegistryFailure.NotFound(apiMessage is null ? notFound : notFound + ": " + apiMessage.TrimEnd('.')),
                HttpStatusCode.Conflict => RegistryFailure.Exists(apiMessage?.TrimEnd('.')),
                HttpStatusCode.RequestEntityTooLarge => RegistryFailure.TooLarge(apiMessage),
                _ => RegistryFailure.Refused((int)response.StatusCode, apiMessage),
            };
        }
    }

    private static async Task<string?> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
