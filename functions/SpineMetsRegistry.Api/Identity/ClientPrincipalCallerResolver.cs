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
}
