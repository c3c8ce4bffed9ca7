namespace SpineMetsRegistry.Azurite;

/// <summary>The npm package this library runs; the repository's package.json and package-lock.json pin it.</summary>
public static class AzuritePackage
{
    /// <summary>The npm package name.</summary>
    public const string Name = "azurite";

    /// <summary>
    /// The pinned Azurite version. 3.35.0 is the newest release that still runs on Node 20;
    /// 3.36 and later declare Node 21 or newer, and Node 20 is what the project's machines have.
    /// It must equal the version in package.json and package-lock.json (a test checks all three).
    /// </summary>
    public const string PinnedVersion = "3.35.0";

    /// <summary>
    /// The oldest Node.js major version the project runs Azurite on (package.json's
    /// <c>engines</c> says the same), named in the error when node cannot be started.
    /// </summary>
    public const int MinimumNodeMajorVersion = 20;
}
