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

    /// <summary>
    /// What kind of credential a request presented, for auditing a refusal. The default knows only
    /// accepted or not; the hosts' resolvers tell missing, malformed and unrecognised apart.
    /// </summary>
    PresentedCredential Inspect(HttpRequest request) =>
        Resolve(request) is null ? PresentedCredential.NotRecognised : PresentedCredential.Accepted;
}
