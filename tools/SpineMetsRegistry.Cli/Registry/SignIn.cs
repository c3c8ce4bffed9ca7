using Azure.Core;
using Azure.Identity;

namespace SpineMetsRegistry.Cli.Registry;

/// <summary>How requests to the registry are authorized.</summary>
internal abstract class SignIn
{
    /// <summary>The Authorization header value.</summary>
    public abstract ValueTask<string> AuthorizationAsync(CancellationToken cancellationToken);

    /// <summary>The Entra credential, when signing in with Entra ID (uploads in Azure use it on the storage account).</summary>
    public virtual TokenCredential? Credential => null;
}

/// <summary>A local registry's site key, sent as a bearer token.</summary>
internal sealed class KeySignIn(string key) : SignIn
{
    public override ValueTask<string> AuthorizationAsync(CancellationToken cancellationToken) => ValueTask.FromResult("Bearer " + key.Trim());
}

/// <summary>
/// Entra ID against a registry in Azure: a token for the registry API's application ID URI
/// from <see cref="DefaultAzureCredential"/> (Azure CLI, environment, managed identity...) or,
/// with <c>--device-code</c>, a device code sign-in whose tokens are cached for the user.
/// </summary>
internal sealed class EntraSignIn : SignIn
{
    private readonly TokenCredential _credential;
    private readonly string _scope;

    public EntraSignIn(StoredLogin login, TextWriter prompts)
    {
        ArgumentNullException.ThrowIfNull(login);
        _scope = login.AppIdUri!.TrimEnd('/') + "/.default";
        _credential = login.DeviceCode
            ? new DeviceCodeCredential(new DeviceCodeCredentialOptions
            {
                TenantId = login.Tenant,
                // Cached in the user's protected token store, so each command does not ask again.
                TokenCachePersistenceOptions = new TokenCachePersistenceOptions { Name = "spinemets" },
                DeviceCodeCallback = (code, _) => prompts.WriteLineAsync(code.Message),
            })
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { TenantId = login.Tenant });
    }

    public override TokenCredential Credential => _credential;

    public override async ValueTask<string> AuthorizationAsync(CancellationToken cancellationToken)
    {
        var token = await _credential.GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken);
        return "Bearer " + token.Token;
    }
}
