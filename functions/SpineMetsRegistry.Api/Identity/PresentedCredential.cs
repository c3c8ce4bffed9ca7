namespace SpineMetsRegistry.Api.Identity;

/// <summary>
/// What kind of credential a request presented, as a refusal is audited: the kind only, never
/// the credential itself (a key or token in the audit log would be a key anyone with the log holds).
/// </summary>
public enum PresentedCredential
{
    /// <summary>No credential at all.</summary>
    None,

    /// <summary>Something was presented, but not in the scheme's shape (not a bearer key, not base64 JSON).</summary>
    Malformed,

    /// <summary>A well-formed credential the host does not recognise (an unknown or forged key).</summary>
    NotRecognised,

    /// <summary>A credential the host accepted.</summary>
    Accepted,
}
