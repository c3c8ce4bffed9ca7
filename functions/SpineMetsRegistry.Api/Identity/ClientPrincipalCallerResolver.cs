using Microsoft.AspNetCore.Http;

namespace SpineMetsRegistry.Api.Identity;

/// <summary>
/// The caller in Azure: App Service Authentication sets the X-MS-CLIENT-PRINCIPAL header on
/// every request it lets through (and drops any copy a client sends), so it is trusted here;
/// absent or malformed means unauthenticated.
/// </summary>
public sealed class ClientPrincipalCallerResolver : ICallerResolver
{
    /// <inheritdoc />
    public RegistryCaller? Resolve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ClientPrincipal.Parse(request.Headers[ClientPrincipal.HeaderName].FirstOrDefault());
    }

    /// <inheritdoc />
    /// <remarks>
    /// A forged or expired token never gets here: App Service Authentication refuses it before the
    /// worker runs. What reaches the app is no header (anonymous) or a header the app cannot read.
    /// </remarks>
    public PresentedCredential Inspect(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[ClientPrincipal.HeaderName].FirstOrDefault();
        return string.IsNullOrWhiteSpace(header) ? PresentedCredential.None
            : ClientPrincipal.Parse(header) is null ? PresentedCredential.Malformed
            : PresentedCredential.Accepted;
    }
}
