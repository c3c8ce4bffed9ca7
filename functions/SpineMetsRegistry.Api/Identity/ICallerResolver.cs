using Microsoft.AspNetCore.Http;

namespace SpineMetsRegistry.Api.Identity;

/// <summary>
/// Who the caller is, decided by the host's own sign-in and nowhere else: the local host's
/// bearer keys, or App Service Authentication's principal in Azure. Null is unauthenticated.
/// </summary>
public interface ICallerResolver
{
    /// <summary>The caller of a request, or null.</summary>
    RegistryCaller? Resolve(HttpRequest request);
}
