namespace SpineMetsRegistry.Cli.Registry;

/// <summary>How the command line signs in to a registry, as <c>spinemets login</c> stored it.</summary>
internal sealed record StoredLogin
{
    /// <summary>The key method: a local registry's site key.</summary>
    public const string KeyMethod = "key";

    /// <summary>The Entra ID method: a registry in Azure.</summary>
    public const string EntraMethod = "entra";

    /// <summary>The registry's base address.</summary>
    public required string Registry { get; init; }

    /// <summary><see cref="KeyMethod"/> or <see cref="EntraMethod"/>.</summary>
    public required string Method { get; init; }

    /// <summary>The site's key (key method).</summary>
    public string? Key { get; init; }

    /// <summary>The site the login belongs to (the only site its roles allow, when there is one).</summary>
    public string? Site { get; init; }

    /// <summary>The registry API's application ID URI (Entra method), e.g. <c>api://spinemets-registry</c>.</summary>
    public string? AppIdUri { get; init; }

    /// <summary>The Entra tenant (Entra method; null: the credential's default).</summary>
    public string? Tenant { get; init; }

    /// <summary>Sign in with a device code instead of the environment's credential (Entra method).</summary>
    public bool DeviceCode { get; init; }

    /// <summary>The landing storage account's blob endpoint (Entra method): uploads go straight into the site's container.</summary>
    public string? LandingBlobEndpoint { get; init; }
}
