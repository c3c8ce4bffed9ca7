namespace SpineMetsRegistry.Azurite;

/// <summary>The npm package this library installs and runs.</summary>
public static class AzuritePackage
{
    /// <summary>The npm package name.</summary>
    public const string Name = "azurite";

    /// <summary>
    /// The pinned Azurite version. 3.35.0 is the newest release that still runs on Node 20;
    /// 3.36 and later declare Node 21 or newer, and Node 20 is what the project's machines have.
    /// </summary>
    public const string PinnedVersion = "3.35.0";

    /// <summary>
    /// The oldest Node.js major version the installer accepts: the one the project builds and
    /// tests on. Older runtimes are refused up front rather than failing obscurely inside npm.
    /// </summary>
    public const int MinimumNodeMajorVersion = 20;
}
